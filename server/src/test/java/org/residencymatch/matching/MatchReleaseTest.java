package org.residencymatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.residencymatch.ConflictException;
import org.residencymatch.Services;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** One released run per iteration, whatever the timing: two operators releasing two runs at the same moment release one. */
@DatabaseTest
class MatchReleaseTest {

    static final String CYCLE = DemoData.CYCLE, MCMASTER_IMG = "27039";
    private MutableClock clock;
    private Services services;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
        services = TestDemo.start(clock);
        services.applications().apply(CYCLE, 1, "A-2024", MCMASTER_IMG, "test");
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        services.rankLists().saveApplicantList(CYCLE, 1, "A-2024", List.of(MCMASTER_IMG), true, "test");
        services.rankLists().saveStreamList(CYCLE, 1, MCMASTER_IMG, List.of("A-2024"), true, "test");
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void twoReleasesOfOneIterationAtTheSameMomentReleaseOneRunAndRefuseTheOther() throws Exception {
        clock.set(LocalDateTime.of(2025, 2, 20, 12, 0));
        MatchRun first = services.matchRuns().run(CYCLE, 1, 1L, "operator");
        MatchRun second = services.matchRuns().run(CYCLE, 1, 2L, "operator");
        clock.set(LocalDateTime.of(2025, 3, 5, 12, 0));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (MatchRun run : List.of(first, second)) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    services.matchRuns().release(CYCLE, run.id(), "operator-" + run.id());
                    return "RELEASED";
                } catch (ConflictException e) {
                    return e.code();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) results.add(outcome.get());
        pool.shutdown();

        assertThat(results).containsExactlyInAnyOrder("RELEASED", "ALREADY_RELEASED");
        int releases = services.database().jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM match_release WHERE cycle_id = :c AND iteration = 1")
                        .bind("c", CYCLE).mapTo(Integer.class).one());
        assertThat(releases).isEqualTo(1);
        assertThat(services.matchRuns().runs(CYCLE, 1)).filteredOn(MatchRun::released).hasSize(1);
        assertThat(services.matchRuns().releasedRun(CYCLE, 1).orElseThrow().id()).isIn(first.id(), second.id());
    }

    @Test
    void theReleaseEmailsEachApplicantTheirResultWithTheStreamTheyMatchedTo() {
        clock.set(LocalDateTime.of(2025, 2, 20, 12, 0));
        MatchRun run = services.matchRuns().run(CYCLE, 1, 1L, "operator");
        clock.set(LocalDateTime.of(2025, 3, 5, 12, 0));
        services.matchRuns().release(CYCLE, run.id(), "operator", "https://match.example.ca/applicant");

        List<org.residencymatch.notification.Outbox.Message> sent = new ArrayList<>();
        services.outbox().deliverPending(sent::add, 10_000);
        var stream = services.quotas().stream(CYCLE, MCMASTER_IMG).orElseThrow();
        assertThat(sent).filteredOn(m -> "email.matchResult".equals(m.subjectKey())).isNotEmpty()
                .anySatisfy(m -> assertThat(org.residencymatch.notification.EmailTexts.render(m, "").body())
                        .contains("You matched to " + stream.streamName("en") + " (" + stream.facultyName("en") + ")")
                        .contains("https://match.example.ca/applicant"))
                .allSatisfy(m -> assertThat(m.body()).as("the link, kept beside the arguments")
                        .isEqualTo("https://match.example.ca/applicant"));
    }
}
