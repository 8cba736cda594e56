package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.application.Couple;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.matching.MatchRun;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * A match with no stable matching (Roth's 1984 example, on two streams of one position each): the
 * run from the operator's page uses the engine's portfolio, names the strategy of the best matching
 * seen, lists what blocks it by applicant and stream name, and says what the operator can do.
 */
@DatabaseTest
class OperatorMatchUnstablePagesTest {

    static final String H1 = "27039", H2 = "26697";
    static final String SINGLE = "A-2008", FIRST = "A-2016", SECOND = "A-2013";
    static MutableClock clock;
    static Services services;
    static WebServer server;

    @BeforeAll
    static void start() {
        clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
        services = TestDemo.start(clock);
        server = new WebServer(services, new WebConfig(null, false)).start(0);
        for (String applicant : List.of(SINGLE, FIRST, SECOND)) {
            for (String stream : List.of(H1, H2)) {
                services.applications().apply(DemoData.CYCLE, 1, applicant, stream, "test");
            }
        }
        services.quotas().setQuota(DemoData.CYCLE, H1, 1, "test");
        services.quotas().setQuota(DemoData.CYCLE, H2, 1, "test");
        Couple couple = services.couples().propose(DemoData.CYCLE, 1, FIRST, SECOND);
        services.couples().accept(DemoData.CYCLE, couple.id(), SECOND);
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        // h1 prefers the couple's first partner to the single, h2 the single to the second partner;
        // the single prefers h1; the couple wants (h1, h2) or nothing: every matching is blocked.
        services.rankLists().saveApplicantList(DemoData.CYCLE, 1, SINGLE, List.of(H1, H2), true, "test");
        services.rankLists().saveCoupleList(DemoData.CYCLE, 1, couple.id(), List.of(Arrays.asList(H1, H2)), true, "test");
        services.rankLists().saveStreamList(DemoData.CYCLE, 1, H1, List.of(FIRST, SINGLE), true, "test");
        services.rankLists().saveStreamList(DemoData.CYCLE, 1, H2, List.of(SINGLE, SECOND), true, "test");
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
    }

    @Test
    void theRunNamesItsStrategyWhatBlocksItByNameAndWhatTheOperatorCanDo() throws Exception {
        clock.set(LocalDateTime.of(2025, 2, 20, 12, 0));
        BrowserlessSession operator = new BrowserlessSession(server.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        operator.get("/operator/match");
        var started = operator.post("/operator/match/run", Map.of("iteration", "1", "seed", "5"));
        operator.followProgress(started.headers().firstValue("Location").orElseThrow());

        MatchRun run = services.matchRuns().runs(DemoData.CYCLE, 1).get(0);
        assertThat(run.stable()).isFalse();
        assertThat(run.strategy()).isIn("kojima-pathak-roth", "roth-peranson", "random-paths");
        assertThat(run.attempts()).isEqualTo(40);
        String page = operator.get("/operator/match").body();
        assertThat(page).contains("Not stable").contains("The best matching seen (fewest blocking pairs), from ")
                .contains("after 40 attempts")
                .contains("What you can do: these results cannot be released. Run the match again with another seed")
                .contains("match run --exact")
                .doesNotContain("Release these results");
        // Every blocking pair of this example involves the single or the couple, named.
        assertThat(page).containsAnyOf("David Kim (A-2008) would rather be at",
                "Yusuf Demir (A-2016) and Siobhán O&#39;Brien-Lévesque (A-2013) would rather be at",
                "Yusuf Demir (A-2016) and Siobhán O'Brien-Lévesque (A-2013) would rather be at");
        assertThat(services.matchRuns().blocking(DemoData.CYCLE, run.id())).isNotEmpty()
                .allSatisfy(b -> assertThat(b.firstStream()).matches(".+, .+ \\((" + H1 + "|" + H2 + ")\\)"));
    }
}
