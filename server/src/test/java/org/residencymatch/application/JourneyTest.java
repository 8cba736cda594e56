package org.residencymatch.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.residencymatch.ConflictException;
import org.residencymatch.Services;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.matching.MatchRun;
import org.residencymatch.matching.MatchStatistics;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** Selection, rank order lists, couples, the match and the release, walked through the 2025 calendar. */
@DatabaseTest
class JourneyTest {

    static final String CYCLE = DemoData.CYCLE;
    static final LocalDateTime SELECTION = LocalDateTime.of(2024, 10, 15, 12, 0);
    static final LocalDateTime ROL_OPEN = LocalDateTime.of(2025, 1, 20, 12, 0);
    static final LocalDateTime MATCH = LocalDateTime.of(2025, 2, 20, 12, 0);
    static final LocalDateTime RELEASE = LocalDateTime.of(2025, 3, 5, 12, 0);
    /** Ontario IMG streams (Anesthesiology, McMaster and Ottawa) and a CMG stream at Memorial. */
    static final String ON_IMG_A = "27039", ON_IMG_B = "26697", CMG_STREAM = "27447";

    private MutableClock clock;
    private Services services;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(SELECTION);
        services = TestDemo.start(clock);
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void theStreamIdsOfThisTestAreWhatItSaysTheyAre() {
        var streams = services.database().jdbi().withHandle(h -> services.programs().streams(h, CYCLE));
        assertThat(streams).filteredOn(s -> s.streamId().equals(ON_IMG_A) || s.streamId().equals(ON_IMG_B))
                .allSatisfy(s -> assertThat(s.province().name() + "/" + s.type()).isEqualTo("ON/IMG")).hasSize(2);
        assertThat(streams).filteredOn(s -> s.streamId().equals(CMG_STREAM)).singleElement()
                .satisfies(s -> assertThat(s.type().name()).isEqualTo("CMG"));
    }

    @Test
    void anApplicantSelectsOnlySelectableStreamsAndOnlyDuringProgramSelection() {
        services.applications().apply(CYCLE, 1, "A-2001", ON_IMG_A, "applicant:A-2001");
        assertThat(services.applications().applicationsOf(CYCLE, 1, "A-2001")).extracting(Application::streamId).containsExactly(ON_IMG_A);

        assertThatThrownBy(() -> services.applications().apply(CYCLE, 1, "A-2001", CMG_STREAM, "applicant:A-2001"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("NOT_SELECTABLE");
                    assertThat(e.getMessage()).contains("CMG_STREAM");
                });
        clock.set(ROL_OPEN);
        assertThatThrownBy(() -> services.applications().apply(CYCLE, 1, "A-2001", ON_IMG_B, "applicant:A-2001"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("OUTSIDE_PHASE");
                    assertThat(e.getMessage()).contains("PROGRAM_SELECTION").contains("2024-10-01").contains("ROL_OPEN");
                });
    }

    @Test
    void aSavedDraftLeavesTheLastSubmissionInForceAndListsLockAtTheDeadline() {
        services.applications().apply(CYCLE, 1, "A-2001", ON_IMG_A, "a");
        services.applications().apply(CYCLE, 1, "A-2001", ON_IMG_B, "a");
        clock.set(ROL_OPEN);
        assertThatThrownBy(() -> services.rankLists().saveApplicantList(CYCLE, 1, "A-2001", List.of(CMG_STREAM), true, "a"))
                .hasMessageContaining("not one applicant A-2001 applied to");

        services.rankLists().saveApplicantList(CYCLE, 1, "A-2001", List.of(ON_IMG_A, ON_IMG_B), true, "a");
        services.rankLists().saveApplicantList(CYCLE, 1, "A-2001", List.of(ON_IMG_B, ON_IMG_A), false, "a");

        RankLists lists = services.rankLists().lists(CYCLE, 1, RankListService.APPLICANT, "A-2001");
        assertThat(lists.unsubmittedChanges()).isTrue();
        assertThat(lists.inForce().orElseThrow().entries()).extracting(RankList.Entry::item).containsExactly(ON_IMG_A, ON_IMG_B);
        assertThat(lists.latest().orElseThrow().version()).isEqualTo(2);

        clock.set(MATCH);
        assertThatThrownBy(() -> services.rankLists().saveApplicantList(CYCLE, 1, "A-2001", List.of(ON_IMG_A), true, "a"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("OUTSIDE_PHASE"));
    }

    @Test
    void draftsShareOneVersionAboveTheLastSubmissionSoVersionsCountWithoutGaps() {
        services.applications().apply(CYCLE, 1, "A-2001", ON_IMG_A, "a");
        services.applications().apply(CYCLE, 1, "A-2001", ON_IMG_B, "a");
        clock.set(ROL_OPEN);
        RankList first = services.rankLists().saveApplicantList(CYCLE, 1, "A-2001", List.of(ON_IMG_A, ON_IMG_B), true, "a");
        for (int drag = 0; drag < 5; drag++) {
            services.rankLists().saveApplicantList(CYCLE, 1, "A-2001", drag % 2 == 0 ? List.of(ON_IMG_B, ON_IMG_A) : List.of(ON_IMG_A),
                    false, "a");
        }
        RankList second = services.rankLists().saveApplicantList(CYCLE, 1, "A-2001", List.of(ON_IMG_B), true, "a");

        assertThat(second.version()).as("the second submission is version 2, not 7").isEqualTo(first.version() + 1);
        assertThat(services.rankLists().versions(CYCLE, 1, RankListService.APPLICANT, "A-2001")).extracting(RankList::version)
                .containsExactly(second.version(), first.version());
        assertThat(services.rankLists().version(CYCLE, 1, RankListService.APPLICANT, "A-2001", first.version()).orElseThrow().entries())
                .as("a submitted version never changes").extracting(RankList.Entry::item).containsExactly(ON_IMG_A, ON_IMG_B);
        // A draft after the second submission takes the next number, and is replaced by the next save.
        services.rankLists().saveApplicantList(CYCLE, 1, "A-2001", List.of(ON_IMG_A), false, "a");
        assertThat(services.rankLists().lists(CYCLE, 1, RankListService.APPLICANT, "A-2001").latest().orElseThrow().version())
                .isEqualTo(second.version() + 1);
    }

    @Test
    void theMatchRunsFromSubmittedListsWithACoupleIsStableReproducibleAndReleasedOnMatchDay() {
        for (String applicant : List.of("A-2001", "A-2016", "A-2017", "A-2024")) {
            services.applications().apply(CYCLE, 1, applicant, ON_IMG_A, "a");
            services.applications().apply(CYCLE, 1, applicant, ON_IMG_B, "a");
        }
        Couple couple = services.couples().propose(CYCLE, 1, "A-2016", "A-2017");
        assertThatThrownBy(() -> services.couples().accept(CYCLE, couple.id(), "A-2016")).isInstanceOf(ConflictException.class);
        services.couples().accept(CYCLE, couple.id(), "A-2017");
        clock.set(ROL_OPEN);
        services.rankLists().saveApplicantList(CYCLE, 1, "A-2001", List.of(ON_IMG_A, ON_IMG_B), true, "a");
        services.rankLists().saveApplicantList(CYCLE, 1, "A-2024", List.of(ON_IMG_A), true, "a");
        services.rankLists().saveCoupleList(CYCLE, 1, couple.id(), java.util.Arrays.asList(
                List.of(ON_IMG_A, ON_IMG_B), java.util.Arrays.asList(ON_IMG_B, null)), true, "a");
        services.rankLists().saveStreamList(CYCLE, 1, ON_IMG_A, List.of("A-2016", "A-2024", "A-2001", "A-2017"), true, "staff");
        services.rankLists().saveStreamList(CYCLE, 1, ON_IMG_B, List.of("A-2017", "A-2001", "A-2016"), true, "staff");
        assertThatThrownBy(() -> services.rankLists().saveStreamList(CYCLE, 1, ON_IMG_B, List.of("A-2002"), true, "staff"))
                .hasMessageContaining("did not apply");

        clock.set(MATCH);
        MatchRun run = services.matchRuns().run(CYCLE, 1, 7L, "operator");
        MatchRun again = services.matchRuns().run(CYCLE, 1, 7L, "operator");

        assertThat(run.stable()).isTrue();
        assertThat(services.matchRuns().resultOf(CYCLE, 1, "A-2001")).as("not visible before release").isEmpty();
        assertThat(assignments(run)).isEqualTo(assignments(again));
        assertThatThrownBy(() -> services.matchRuns().release(CYCLE, run.id(), "operator"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("OUTSIDE_PHASE"));

        clock.set(RELEASE);
        services.matchRuns().release(CYCLE, run.id(), "operator");

        Optional<String> couplesFirst = services.matchRuns().resultOf(CYCLE, 1, "A-2016").orElseThrow();
        Optional<String> couplesSecond = services.matchRuns().resultOf(CYCLE, 1, "A-2017").orElseThrow();
        assertThat(List.of(couplesFirst, couplesSecond)).as("the couple matches to one of its pairs")
                .isIn(List.of(Optional.of(ON_IMG_A), Optional.of(ON_IMG_B)), List.of(Optional.of(ON_IMG_B), Optional.empty()));
        MatchStatistics stats = services.matchRuns().statistics(CYCLE, run.id());
        assertThat(stats.imgMatched()).isEqualTo(run.matched());
        assertThat(stats.byProvince().get("ON").filled()).isEqualTo(run.matched());
        assertThatThrownBy(() -> services.matchRuns().release(CYCLE, again.id(), "operator"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_RELEASED"));
    }

    @Test
    void aMatchedApplicantCannotEnterTheSecondIterationButAnUnmatchedOneCan() {
        services.applications().apply(CYCLE, 1, "A-2001", ON_IMG_A, "a");
        clock.set(ROL_OPEN);
        services.rankLists().saveApplicantList(CYCLE, 1, "A-2001", List.of(ON_IMG_A), true, "a");
        services.rankLists().saveStreamList(CYCLE, 1, ON_IMG_A, List.of("A-2001"), true, "staff");
        clock.set(MATCH);
        MatchRun run = services.matchRuns().run(CYCLE, 1, 1L, "operator");
        clock.set(RELEASE);
        services.matchRuns().release(CYCLE, run.id(), "operator");
        clock.set(LocalDateTime.of(2025, 3, 10, 12, 0));

        assertThatThrownBy(() -> services.applications().apply(CYCLE, 2, "A-2001", ON_IMG_B, "a"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("NOT_SELECTABLE");
                    assertThat(e.getMessage()).contains("MATCHED_IN_EARLIER_ITERATION");
                });
        services.applications().apply(CYCLE, 2, "A-2024", ON_IMG_B, "a");
        assertThat(services.applications().applicationsOf(CYCLE, 2, "A-2024")).extracting(Application::streamId).containsExactly(ON_IMG_B);
    }

    private List<String> assignments(MatchRun run) {
        return services.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT applicant_id || '=' || COALESCE(stream_id, '-') FROM match_assignment WHERE run_id = :r ORDER BY applicant_id")
                .bind("r", run.id()).mapTo(String.class).list());
    }
}
