package org.residencymatch.catalogue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.eligibility.Decision;

/**
 * A page of an applicant's catalogue.
 *
 * @param entries the streams of this page, selectable ones first
 * @param streams how many streams the cycle has, whatever the filter
 * @param matching how many streams the filter matched, over all pages
 * @param countsByDecision how many of the matched streams have each decision
 */
public record Catalogue(String cycleId, String applicantId, int iteration, List<CatalogueEntry> entries, int streams, int matching,
        int page, int pageSize, Map<Decision, Integer> countsByDecision) {

    public int pages() {
        return Math.max(1, (matching + pageSize - 1) / pageSize);
    }

    static Map<Decision, Integer> emptyCounts() {
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        for (Decision d : Decision.values()) counts.put(d, 0);
        return counts;
    }
}
