package org.residencymatch.program;

import java.util.Locale;
import org.residencymatch.tabular.TextKey;

/**
 * Which streams the operator's programs page shows; every field is optional (null means "any").
 *
 * @param search words that must all appear in the stream's faculty, discipline, site, name or id
 *     (compared without case or accents, as in the applicants' catalogue)
 */
public record StreamFilter(String facultyId, Province province, Integer disciplineId, String search) {

    public boolean accepts(ProgramStream s) {
        if (facultyId != null && !facultyId.equals(s.facultyId())) return false;
        if (province != null && s.province() != province) return false;
        if (disciplineId != null && s.disciplineId() != disciplineId) return false;
        return containsWords(s, search);
    }

    /**
     * Whether every word of the search appears in the stream's faculty (either language), discipline,
     * site, name, province or id, without case or accents; a blank or null search finds every stream.
     * The applicants' catalogue searches the same way.
     */
    public static boolean containsWords(ProgramStream s, String search) {
        if (search == null || search.isBlank()) return true;
        String haystack = TextKey.of(String.join(" ", s.facultyName(), s.facultyNameFr(), s.disciplineName(), s.site(), s.streamName(),
                s.province().name(), s.streamId()));
        for (String word : TextKey.of(search).split(" ")) {
            if (!haystack.contains(word.toLowerCase(Locale.ROOT))) return false;
        }
        return true;
    }
}
