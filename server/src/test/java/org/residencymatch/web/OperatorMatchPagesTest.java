package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** The operator runs the match from the page, sees the audit and the fill, releases; the applicant then sees the result. */
@DatabaseTest
class OperatorMatchPagesTest {

    static final String MCMASTER_IMG = "27039", OTTAWA_IMG = "26697";
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);

    @BeforeAll
    static void start() {
        web.services().applications().apply(DemoData.CYCLE, 1, "A-2001", MCMASTER_IMG, "test");
        web.services().applications().apply(DemoData.CYCLE, 1, "A-2024", MCMASTER_IMG, "test");
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        web.services().rankLists().saveApplicantList(DemoData.CYCLE, 1, "A-2001", List.of(MCMASTER_IMG), true, "test");
        web.services().rankLists().saveApplicantList(DemoData.CYCLE, 1, "A-2024", List.of(MCMASTER_IMG), true, "test");
        web.services().rankLists().saveStreamList(DemoData.CYCLE, 1, MCMASTER_IMG, List.of("A-2024", "A-2001"), true, "test");
    }

    @Test
    void runAuditReleaseAndTheApplicantSeesTheResultOnlyAfterRelease() throws Exception {
        clock.set(LocalDateTime.of(2025, 2, 20, 12, 0));
        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        operator.get("/operator/match");
        var started = operator.post("/operator/match/run", Map.of("iteration", "1", "seed", "3"));
        assertThat(started.headers().firstValue("Location").orElseThrow()).as("the run goes to the background").startsWith("/jobs/");
        assertThat(operator.followProgress(started.headers().firstValue("Location").orElseThrow()))
                .isEqualTo("/operator/match?iteration=1");
        String page = operator.get("/operator/match").body();
        assertThat(page).contains("Stable: the independent audit found no blocking pair.").contains("Fill by province")
                .as("no Release before the release date, and why").doesNotContain("Release these results")
                .contains("Release is not offered: Results can be released from the release date");
        long runId = web.services().matchRuns().runs(DemoData.CYCLE, 1).get(0).id();
        BrowserlessSession mei = new BrowserlessSession(web.port());
        mei.signIn("mei.wong@applicant.example", DemoData.PASSWORD);
        assertThat(mei.get("/applicant/applications").body()).doesNotContain("Match result");
        var early = operator.post("/operator/match/" + runId + "/release", Map.of("confirm", String.valueOf(runId)));
        assertThat(early.statusCode()).as("not before match day").isEqualTo(409);
        assertThat(early.body()).as("a page that says why, not a raw error").contains("Not done")
                .contains("open only during results released, from Mar. 4, 2025")
                .contains("Nothing was changed.").contains("Back to the match");

        clock.set(LocalDateTime.of(2025, 3, 5, 12, 0));
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        assertThat(operator.get("/operator/match").body()).contains("href=\"/operator/match/" + runId + "/release\"");
        String confirm = operator.get("/operator/match/" + runId + "/release").body();
        assertThat(confirm).contains("Release cannot be undone").contains("Program staff see the applicants matched")
                .contains("name=\"confirm\"");
        var wrong = operator.post("/operator/match/" + runId + "/release", Map.of("confirm", "999999"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("That is not the id of this run").contains("data-field=\"confirm\"");
        assertThat(web.services().matchRuns().releasedRun(DemoData.CYCLE, 1)).as("nothing released without the id").isEmpty();
        assertThat(operator.post("/operator/match/" + runId + "/release", Map.of("confirm", String.valueOf(runId))).statusCode())
                .isEqualTo(302);

        String after = operator.get("/operator/match").body();
        assertThat(after).contains("The match of this iteration is final").doesNotContain("action=\"/operator/match/run\"")
                .contains("Running the match is not offered: The results of iteration 1 were released");
        var rerun = operator.post("/operator/match/run", Map.of("iteration", "1", "seed", "4"));
        assertThat(rerun.statusCode()).isEqualTo(409);
        assertThat(rerun.body()).contains("its match is final").contains("Back to the match");
        assertThat(web.services().matchRuns().runs(DemoData.CYCLE, 1)).hasSize(1);

        String results = operator.get("/operator/match/" + runId + "/results?outcome=MATCHED").body();
        assertThat(results).contains("<td><a href=\"/operator/applicants/A-2024\">A-2024</a></td>").contains("Mei Wong")
                .contains("/results.csv").contains("/results.xlsx");
        assertThat(operator.get("/operator/match/" + runId + "/results?q=AMIRA").body()).as("by name, case ignored")
                .contains("<td><a href=\"/operator/applicants/A-2001\">A-2001</a></td>")
                .doesNotContain("<td><a href=\"/operator/applicants/A-2024\">A-2024</a></td>");
        assertThat(operator.get("/operator/match/" + runId + "/results?outcome=UNMATCHED").body())
                .doesNotContain("<td><a href=\"/operator/applicants/A-2024\">A-2024</a></td>");
        assertThat(operator.get("/operator/match/" + runId + "/results?outcome=MAYBE").statusCode()).isEqualTo(400);
        String report = operator.get("/operator/match/report?iteration=1").body();
        assertThat(report).contains("Match report, 2025-R1, iteration 1").contains("carried to the second iteration")
                .contains("report.csv");

        mei.signIn("mei.wong@applicant.example", DemoData.PASSWORD);
        String applications = mei.get("/applicant/applications").body();
        assertThat(applications).contains("Match result: you matched to Anesthesiology").contains("<strong>Matched</strong>");
        assertThat(mei.get("/applicant").body()).as("the result on the home page").contains("Your match result, iteration 1")
                .contains("Match result: you matched to Anesthesiology");
        BrowserlessSession rajesh = new BrowserlessSession(web.port());
        rajesh.signIn("rajesh.patel@applicant.example", DemoData.PASSWORD);
        assertThat(rajesh.get("/applicant").body()).as("unmatched: what comes next").contains("You did not match in iteration 1.")
                .contains("The second iteration opens").contains("href=\"/applicant/catalogue?iteration=2\"");
        BrowserlessSession staff = new BrowserlessSession(web.port());
        staff.signIn("staff@ubc.example", DemoData.PASSWORD);
        assertThat(staff.get("/staff/matched").body()).contains("Applicants matched to your streams, iteration 1").contains("matched.csv");
        BrowserlessSession aimg = new BrowserlessSession(web.port());
        aimg.signIn("aimg@partner.example", DemoData.PASSWORD);
        assertThat(aimg.get("/partner/lists").body()).contains("/lists/AIMG/outcomes.csv");
    }

    @Test
    void theOperatorTurnsOnAndOffFromTheMatchPageWhetherUnmatchedApplicantsSeeWhyEachProgramDidNotPlaceThem() throws Exception {
        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        assertThat(operator.get("/operator/match").body()).contains("Why unmatched applicants did not match")
                .contains("Off: unmatched applicants see their result and what comes next only.")
                .contains("name=\"enabled\" value=\"true\"");
        assertThat(operator.post("/operator/match/placement-reasons", Map.of("enabled", "maybe")).statusCode()).isEqualTo(400);
        assertThat(web.services().placementReasons().setting(DemoData.CYCLE).enabled()).isFalse();

        var on = operator.post("/operator/match/placement-reasons", Map.of("enabled", "true", "iteration", "1"));
        assertThat(on.statusCode()).isEqualTo(302);
        assertThat(web.services().placementReasons().setting(DemoData.CYCLE).enabled()).isTrue();
        assertThat(operator.get("/operator/match").body()).contains("On: unmatched applicants see why each program did not place them.")
                .contains("changed by").contains("name=\"enabled\" value=\"false\"");
        operator.post("/operator/match/placement-reasons", Map.of("enabled", "false", "iteration", "1"));
        assertThat(web.services().placementReasons().setting(DemoData.CYCLE).enabled()).isFalse();
        int audited = web.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'match.placementReasons' AND target = :c").bind("c", DemoData.CYCLE)
                .mapTo(Integer.class).one());
        assertThat(audited).as("each change audited, the refused one not").isEqualTo(2);
    }
}
