package org.residencymatch.catalogue;

import java.util.Locale;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;
import org.residencymatch.tabular.TextKey;

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
        if (search != null && !search.isBlank()) {
            String haystack = TextKey.of(String.join(" ", s.facultyName(), s.facultyNameFr(), s.disciplineName(), s.site(), s.streamName(),
                    s.province().name(), s.streamId()));
            for (String word : TextKey.of(search).split(" ")) {
                if (!haystack.contains(word.toLowerCase(Locale.ROOT))) return false;
            }
        }
        return true;
    }
}
