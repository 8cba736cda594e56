package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.failure;
import static org.residencymatch.api.DemoApiServer.invalidField;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiClient;
import org.residencymatch.api.client.api.ListsApi;
import org.residencymatch.api.client.api.MatchRunsApi;
import org.residencymatch.api.client.api.ResultsApi;
import org.residencymatch.api.client.model.ListKind;
import org.residencymatch.api.client.model.MatchRun;
import org.residencymatch.api.client.model.MatchRunRequest;
import org.residencymatch.api.client.model.MatchRunResult;
import org.residencymatch.api.client.model.MatchRunResults;
import org.residencymatch.api.client.model.ReleaseConfirmation;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;
import org.residencymatch.tabular.Table;
import org.residencymatch.tabular.TableReader;

/**
 * Match day through the API: release only with the run's id typed back, a final match after it, and
 * the results for every party: the operator's per-applicant export (CSV and XLSX, formula-safe),
 * program staff's matched applicants, a partner body's list outcomes and the match report, each
 * refused before release where the results are not theirs yet.
 */
@DatabaseTest
class MatchDayApiTest {

    static final LocalDateTime SELECTION = LocalDateTime.of(2024, 10, 15, 12, 0);
    static final LocalDateTime ROL_OPEN = LocalDateTime.of(2025, 1, 20, 12, 0);
    static final LocalDateTime MATCH = LocalDateTime.of(2025, 2, 20, 12, 0);
    static final LocalDateTime RELEASE = LocalDateTime.of(2025, 3, 5, 12, 0);
    /** Anesthesiology at McMaster, an Ontario IMG stream. */
    static final String MCMASTER_IMG = "27039";

    static MutableClock clock;
    static DemoApiServer demo;

    @BeforeAll
    static void start() {
        clock = new MutableClock(SELECTION);
        demo = DemoApiServer.start(clock);
        var services = demo.services();
        // Amira (on no list) is not ranked by the program: unmatched. Rajesh is on the AIMG list.
        for (String applicant : List.of("A-2001", "A-2002", "A-2024"))
            services.applications().apply(CYCLE, 1, applicant, MCMASTER_IMG, "test");
        clock.set(ROL_OPEN);
        for (String applicant : List.of("A-2001", "A-2002", "A-2024")) {
            services.rankLists().saveApplicantList(CYCLE, 1, applicant, List.of(MCMASTER_IMG), true, "test");
        }
        services.rankLists().saveStreamList(CYCLE, 1, MCMASTER_IMG, List.of("A-2024", "A-2002"), true, "test");
        // A name a spreadsheet would run as a formula.
        services.database().jdbi().useHandle(h -> h.execute("UPDATE applicant SET family_name = '=HYPERLINK(\"x\")' WHERE id = 'A-2024'"));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static String text(File file) throws Exception {
        try {
            return Files.readString(file.toPath(), StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file.toPath());
        }
    }

    private static List<String> line(String csv, String applicantId) {
        return csv.lines().filter(l -> l.startsWith(applicantId + ",")).findFirst().map(l -> Arrays.asList(l.split(",", -1))).orElseThrow();
    }

    private static ApiClient account(String email) {
        return demo.bearer(demo.tokenForAccount(email));
    }

    @Test
    void releaseNeedsTheRunsIdTypedBackAndThenTheMatchIsFinalAndEveryPartyGetsItsResults() throws Exception {
        MatchRunsApi runs = new MatchRunsApi(demo.operator());
        ApiClient aimg = account("aimg@partner.example");
        clock.set(MATCH);
        MatchRun run = runs.runMatch(CYCLE, 1, new MatchRunRequest().seed(3L));
        MatchRun other = runs.runMatch(CYCLE, 1, new MatchRunRequest().seed(4L));
        assertThat(run.getStable()).isTrue();
        assertThat(failure(409, () -> new ListsApi(aimg).exportListOutcomes(CYCLE, ListKind.AIMG)).getCode())
                .isEqualTo("RESULTS_NOT_RELEASED");
        assertThat(failure(409, () -> new ResultsApi(demo.operator()).exportMatchReport(CYCLE, 1)).getCode())
                .isEqualTo("RESULTS_NOT_RELEASED");

        clock.set(RELEASE);
        invalidField("confirm", () -> runs.releaseMatchRun(CYCLE, 1, run.getId(), new ReleaseConfirmation()));
        invalidField("confirm",
                () -> runs.releaseMatchRun(CYCLE, 1, run.getId(), new ReleaseConfirmation().confirm(String.valueOf(other.getId()))));
        assertThat(runs.getMatchRun(CYCLE, 1, run.getId()).getReleasedAt()).as("nothing released by a refused confirmation").isNull();
        MatchRun released = runs.releaseMatchRun(CYCLE, 1, run.getId(), new ReleaseConfirmation().confirm(String.valueOf(run.getId())));
        assertThat(released.getReleasedAt()).isNotNull();

        // Final: no other run, no other release.
        assertThat(failure(409, () -> runs.runMatch(CYCLE, 1, new MatchRunRequest().seed(5L))).getCode()).isEqualTo("ALREADY_RELEASED");
        assertThat(failure(409,
                () -> runs.releaseMatchRun(CYCLE, 1, other.getId(), new ReleaseConfirmation().confirm(String.valueOf(other.getId()))))
                .getCode()).isEqualTo("ALREADY_RELEASED");
        assertThat(runs.listMatchRuns(CYCLE, 1).getRuns()).hasSize(2);

        // Audited, and every applicant of the run is told (a notification each, and an email to those with an address).
        var jdbi = demo.services().database().jdbi();
        int audited = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'match.released' AND target = :t")
                .bind("t", "match-run:" + run.getId()).mapTo(Integer.class).one());
        int notifications = jdbi.withHandle(
                h -> h.createQuery("SELECT COUNT(*) FROM outbox_message WHERE kind = 'MATCH_RESULT'").mapTo(Integer.class).one());
        int emails = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox_message WHERE subject_key = 'email.matchResult'")
                .mapTo(Integer.class).one());
        assertThat(audited).isEqualTo(1);
        assertThat(notifications).isEqualTo(run.getApplicants());
        assertThat(emails).isGreaterThanOrEqualTo(3);
        List<String> links = jdbi
                .withHandle(h -> h.createQuery("SELECT DISTINCT body FROM outbox_message WHERE subject_key = 'email.matchResult'")
                        .mapTo(String.class).list());
        assertThat(links).as("the email leads to the home page, where the result is").singleElement().asString().endsWith("/applicant");

        // The operator's results: one row per applicant, names and lists, formula-safe.
        String csv = text(new ResultsApi(demo.operator()).exportMatchRunResults(CYCLE, 1, run.getId()));
        assertThat(csv.lines().findFirst().orElseThrow()).contains("Applicant ID,Family name,Given names,Category,Outcome,Stream ID");
        assertThat(csv.lines().count()).isEqualTo(1 + run.getApplicants());
        assertThat(line(csv, "A-2001")).containsSequence("Haddad", "Amira", "IMG", "UNMATCHED").endsWith("1");
        assertThat(line(csv, "A-2024").get(1)).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(line(csv, "A-2024").get(4)).isEqualTo("MATCHED");
        assertThat(line(csv, "A-2024").get(5)).isEqualTo(MCMASTER_IMG);
        File xlsx = new ResultsApi(demo.operator()).exportMatchRunResultsXlsx(CYCLE, 1, run.getId());
        Table sheet = TableReader.read("results.xlsx", Files.readAllBytes(xlsx.toPath()));
        Files.deleteIfExists(xlsx.toPath());
        assertThat(sheet.headers()).startsWith("Applicant ID", "Family name", "Given names");
        assertThat(sheet.rows()).hasSize(run.getApplicants());
        assertThat(sheet.rows()).anySatisfy(r -> assertThat(r.cells()).startsWith("A-2024", "=HYPERLINK(\"x\")"));
        // The same rows as JSON, narrowed by outcome; names as they are (JSON is no spreadsheet).
        MatchRunResults json = new ResultsApi(demo.operator()).getMatchRunResults(CYCLE, 1, run.getId(), null, null);
        assertThat(json.getReleased()).isTrue();
        assertThat(json.getResults()).hasSize(run.getApplicants());
        MatchRunResult mei = json.getResults().stream().filter(r -> r.getApplicantId().equals("A-2024")).findFirst().orElseThrow();
        assertThat(mei.getOutcome()).isEqualTo(MatchRunResult.OutcomeEnum.MATCHED);
        assertThat(mei.getStreamId()).isEqualTo(MCMASTER_IMG);
        assertThat(mei.getFamilyName()).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(new ResultsApi(demo.operator()).getMatchRunResults(CYCLE, 1, run.getId(), "UNMATCHED", null).getResults())
                .extracting(MatchRunResult::getApplicantId).contains("A-2001").doesNotContain("A-2024");
        invalidField("outcome", () -> new ResultsApi(demo.operator()).getMatchRunResults(CYCLE, 1, run.getId(), "MAYBE", null));

        // Program staff: their faculty's matched applicants only (UBC has none in this run); the operator names a faculty.
        String mcmaster = jdbi.withHandle(h -> demo.services().programs().stream(h, CYCLE, MCMASTER_IMG)).orElseThrow().facultyId();
        String ubc = text(new ResultsApi(account("staff@ubc.example")).exportFacultyMatched(CYCLE, 1, null));
        assertThat(ubc.lines()).hasSize(1).first().asString()
                .contains("Stream ID,Stream,Site,Discipline,Applicant ID,Family name,Given names,Email");
        String matched = text(new ResultsApi(demo.operator()).exportFacultyMatched(CYCLE, 1, mcmaster));
        assertThat(matched).contains("A-2024").doesNotContain("A-2001");
        invalidField("faculty", () -> new ResultsApi(demo.operator()).exportFacultyMatched(CYCLE, 1, null));

        // The AIMG Program: what became of its list's members; Rajesh's outcome is his result.
        File outcomesFile = new ListsApi(aimg).exportListOutcomes(CYCLE, ListKind.AIMG);
        Table outcomes = TableReader.read("outcomes.csv", Files.readAllBytes(outcomesFile.toPath()));
        Files.deleteIfExists(outcomesFile.toPath());
        assertThat(outcomes.headers()).containsSubsequence("Applicant ID", "MINC", "Iteration 1 outcome", "Iteration 2 outcome");
        Table.Row rajesh = outcomes.rows().stream().filter(r -> r.cell(0).equals("A-2002")).findFirst().orElseThrow();
        assertThat(rajesh.cell(5)).isEqualTo(line(csv, "A-2002").get(4));
        assertThat(rajesh.cell(9)).isEqualTo("NOT_RELEASED");
        assertThat(outcomes.rows()).noneMatch(r -> r.cell(0).equals("A-2001"));

        // The report: totals that add up to the run's.
        String report = text(new ResultsApi(demo.operator()).exportMatchReport(CYCLE, 1));
        assertThat(line(report, "total")).containsExactly("total", "all", String.valueOf(run.getPositions()),
                String.valueOf(run.getMatched()),
                String.valueOf(run.getPositions() - run.getMatched()));
        assertThat(line(report, "category")).containsExactly("category", "CMG", "", String.valueOf(run.getStatistics().getCmgMatched()),
                "");
        assertThat(report.lines().filter(l -> l.startsWith("province,")).mapToInt(l -> Integer.parseInt(l.split(",")[3])).sum())
                .isEqualTo(run.getMatched());
        assertThat(report).contains("Unfilled (carried to iteration 2)");
    }
}
