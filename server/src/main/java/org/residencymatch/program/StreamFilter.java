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
