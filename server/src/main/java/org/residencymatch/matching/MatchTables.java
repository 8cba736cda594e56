package org.residencymatch.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The exports of match day as tables (a header, then rows of text), for the CSV and XLSX writers of
 * {@code tabular}: a run's results, a faculty's matched applicants, a partner list's outcomes, an
 * iteration's report. Column names are stable: scripts read them.
 */
public final class MatchTables {

    private MatchTables() {
    }

    /** A header and its rows. */
    public record Table(List<String> header, List<List<String>> rows) {
    }

    public static Table results(List<MatchResultsRepository.Row> rows) {
        List<List<String>> lines = new ArrayList<>();
        for (MatchResultsRepository.Row r : rows) {
            lines.add(Arrays.asList(r.applicantId(), r.familyName(), r.givenNames(), r.category(), r.matched() ? "MATCHED" : "UNMATCHED",
                    r.streamId(), r.streamName(), r.site(), r.discipline(), r.faculty(), r.province(), String.valueOf(r.listLength())));
        }
        return new Table(
                List.of("Applicant ID", "Family name", "Given names", "Category", "Outcome", "Stream ID", "Stream", "Site", "Discipline",
                        "Faculty", "Province", "Rank order list length"),
                lines);
    }

    public static Table facultyMatched(List<MatchResultsRepository.Matched> rows) {
        List<List<String>> lines = new ArrayList<>();
        for (MatchResultsRepository.Matched m : rows) {
            lines.add(Arrays.asList(m.streamId(), m.streamName(), m.site(), m.discipline(), m.applicantId(), m.familyName(), m.givenNames(),
                    m.email()));
        }
        return new Table(List.of("Stream ID", "Stream", "Site", "Discipline", "Applicant ID", "Family name", "Given names", "Email"),
                lines);
    }

    /**
     * One row per member of the list; for each iteration the outcome: {@code MATCHED}, {@code UNMATCHED}
     * (in the match, not placed), {@code NOT_IN_MATCH} (no list in that iteration's run) or {@code NOT_RELEASED}.
     */
    public static Table outcomes(List<MatchResultsRepository.Outcome> outcomes) {
        List<List<String>> lines = new ArrayList<>();
        for (MatchResultsRepository.Outcome o : outcomes) {
            List<String> line = new ArrayList<>(Arrays.asList(o.applicantId(), o.minc(), o.familyName(), o.givenNames(), o.contingent()));
            for (int iteration = 1; iteration <= 2; iteration++) {
                Optional<MatchResultsRepository.Row> result = o.byIteration().get(iteration);
                if (result == null) {
                    line.addAll(Arrays.asList("NOT_RELEASED", null, null, null));
                } else if (result.isEmpty()) {
                    line.addAll(Arrays.asList("NOT_IN_MATCH", null, null, null));
                } else {
                    MatchResultsRepository.Row r = result.get();
                    line.addAll(Arrays.asList(r.matched() ? "MATCHED" : "UNMATCHED", r.streamId(),
                            r.matched() ? r.streamName() + ", " + r.site() : null, r.faculty()));
                }
            }
            lines.add(line);
        }
        return new Table(List.of("Applicant ID", "MINC", "Family name", "Given names", "Contingent",
                "Iteration 1 outcome", "Iteration 1 stream ID", "Iteration 1 stream", "Iteration 1 faculty",
                "Iteration 2 outcome", "Iteration 2 stream ID", "Iteration 2 stream", "Iteration 2 faculty"), lines);
    }

    /** The report: totals, CMGs and IMGs matched, then each dimension's lines; the unfilled of iteration 1 carry to iteration 2. */
    public static Table report(MatchReport report) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("total", "all", String.valueOf(report.positions()), String.valueOf(report.matched()),
                String.valueOf(report.unfilled())));
        lines.add(List.of("category", "CMG", "", String.valueOf(report.cmgMatched()), ""));
        lines.add(List.of("category", "IMG", "", String.valueOf(report.imgMatched()), ""));
        for (MatchReport.Section section : report.sections()) {
            for (MatchReport.Line line : section.lines()) {
                lines.add(List.of(section.dimension(), line.label(), String.valueOf(line.positions()), String.valueOf(line.matched()),
                        String.valueOf(line.unfilled())));
            }
        }
        return new Table(List.of("Dimension", "Label", "Positions", "Matched",
                report.carriedToNextIteration() ? "Unfilled (carried to iteration 2)" : "Unfilled"), lines);
    }
}
