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
        assertThat(operator.followProgress(started.headers().firstValue("Location").orElseThrow())).isEqualTo("/operator/match?iteration=1");
        String page = operator.get("/operator/match").body();
        assertThat(page).contains("Stable: the independent audit found no blocking pair.").contains("Fill by province").contains("Release these results");
        long runId = web.services().matchRuns().runs(DemoData.CYCLE, 1).get(0).id();
        BrowserlessSession mei = new BrowserlessSession(web.port());
        mei.signIn("mei.wong@applicant.example", DemoData.PASSWORD);
        assertThat(mei.get("/applicant/applications").body()).doesNotContain("Match result");
        assertThat(operator.post("/operator/match/" + runId + "/release", Map.of()).statusCode()).as("not before match day").isEqualTo(409);

        clock.set(LocalDateTime.of(2025, 3, 5, 12, 0));
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        operator.get("/operator/match");
        assertThat(operator.post("/operator/match/" + runId + "/release", Map.of()).statusCode()).isEqualTo(302);

        mei.signIn("mei.wong@applicant.example", DemoData.PASSWORD);
        assertThat(mei.get("/applicant/applications").body()).contains("Match result: you matched to Anesthesiology");
    }
}
