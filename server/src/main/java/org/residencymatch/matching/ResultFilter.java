package org.residencymatch.matching;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Narrows a run's results for the operator's page: by text (applicant id or name, accents and case
 * ignored), outcome ({@code MATCHED}, {@code UNMATCHED}) and category ({@code CMG}, {@code IMG});
 * a blank or {@code ALL} criterion keeps everyone.
 */
public record ResultFilter(String text, String outcome, String category) {

    public static final List<String> OUTCOMES = List.of("ALL", "MATCHED", "UNMATCHED");
    public static final List<String> CATEGORIES = List.of("ALL", "CMG", "IMG");

    public ResultFilter {
        text = text == null ? "" : text.strip();
        outcome = outcome == null || outcome.isBlank() ? "ALL" : outcome.strip().toUpperCase(Locale.ROOT);
        category = category == null || category.isBlank() ? "ALL" : category.strip().toUpperCase(Locale.ROOT);
        if (!OUTCOMES.contains(outcome)) throw new IllegalArgumentException("outcome must be one of " + OUTCOMES);
        if (!CATEGORIES.contains(category)) throw new IllegalArgumentException("category must be one of " + CATEGORIES);
    }

    public boolean admits(MatchResultsRepository.Row row) {
        if (outcome.equals("MATCHED") && !row.matched() || outcome.equals("UNMATCHED") && row.matched()) return false;
        if (!category.equals("ALL") && !category.equals(row.category())) return false;
        if (text.isEmpty()) return true;
        String wanted = folded(text);
        return folded(row.applicantId()).contains(wanted) || folded(row.givenNames() + " " + row.familyName()).contains(wanted)
                || folded(row.familyName() + " " + row.givenNames()).contains(wanted);
    }

    public List<MatchResultsRepository.Row> apply(List<MatchResultsRepository.Row> rows) {
        return rows.stream().filter(this::admits).toList();
    }

    /** Lower case without accents: "Émilie" and "emilie" read the same. */
    static String folded(String s) {
        if (s == null) return "";
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
