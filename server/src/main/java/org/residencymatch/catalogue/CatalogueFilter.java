package org.residencymatch.catalogue;

import org.residencymatch.eligibility.Decision;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;
import org.residencymatch.program.StreamFilter;

/**
 * What part of a catalogue to show; every field is optional (null means "any").
 *
 * @param search words that must all appear in the stream's faculty, discipline, site or name
 *     (compared without case or accents)
 */
public record CatalogueFilter(Province province, Integer disciplineId, StreamType streamType, Decision decision, String search) {

    public static final CatalogueFilter ALL = new CatalogueFilter(null, null, null, null, null);

    boolean accepts(CatalogueEntry entry) {
        var s = entry.stream();
        if (province != null && s.province() != province) return false;
        if (disciplineId != null && s.disciplineId() != disciplineId) return false;
        if (streamType != null && s.type() != streamType) return false;
        if (decision != null && entry.decision().decision() != decision) return false;
        return StreamFilter.containsWords(s, search);
    }
}
