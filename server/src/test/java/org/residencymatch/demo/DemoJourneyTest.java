package org.residencymatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.application.RankListService;
import org.residencymatch.application.RankLists;
import org.residencymatch.matching.MatchRun;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;
import org.residencymatch.store.TestDatabase;

/**
 * The demo's cycle in progress: started in program selection it has applications and a couple but no
 * lists; moved on to the match it has caught up with the rank order lists (drafts, submissions, the
 * couple's, the programs'), and the operator's match run is stable and matches most applicants.
 */
@DatabaseTest
class DemoJourneyTest {

    @Test
    void theDemoCatchesUpWithItsClockOnceAndLeavesAMeaningfulMatchToRun() {
        MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
        try (Services services = Services.start(TestDatabase.fresh(), clock)) {
            new DemoData(services).seedIfEmpty();
            DemoJourney journey = new DemoJourney(services);
            assertThat(journey.catchUp()).singleElement().asString().startsWith("program selection");
            assertThat(journey.catchUp()).as("each step happens once").isEmpty();
            assertThat(services.applications().applicationsOf(DemoData.CYCLE, 1, "A-2001")).isNotEmpty();
            assertThat(services.applications().applicationsOf(DemoData.CYCLE, 1, DemoJourney.WAITING)).isEmpty();
            assertThat(services.couples().couplesOf(DemoData.CYCLE, 1, "A-1001")).singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo("ACTIVE"));
            assertThat(services.rankLists().lists(DemoData.CYCLE, 1, RankListService.APPLICANT, "A-2003").latest()).isEmpty();
            assertThat(services.clinicalAssessment().bcCapRegistrations(DemoData.CYCLE)).extracting(row -> row.get(0))
                    .containsExactlyElementsOf(DemoJourney.BC_CAP_REGISTERED);

            clock.set(LocalDateTime.of(2025, 2, 20, 12, 0));
            assertThat(journey.catchUp()).singleElement().asString().startsWith("rank order lists");
            RankLists amira = services.rankLists().lists(DemoData.CYCLE, 1, RankListService.APPLICANT, DemoJourney.DRAFT_ONLY);
            assertThat(amira.latest()).isPresent();
            assertThat(amira.inForce()).as("her list is a draft").isEmpty();
            assertThat(services.rankLists().lists(DemoData.CYCLE, 1, RankListService.APPLICANT, "A-2003").inForce()).isPresent();
            long coupleId = services.couples().couplesOf(DemoData.CYCLE, 1, "A-1001").get(0).id();
            assertThat(services.rankLists().lists(DemoData.CYCLE, 1, RankListService.COUPLE, String.valueOf(coupleId)).inForce())
                    .isPresent();
            String ubcDraft = services.database().jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT a.stream_id FROM application a "
                    + "JOIN program_stream s ON s.cycle_id = a.cycle_id AND s.id = a.stream_id JOIN program p ON p.cycle_id = s.cycle_id AND p.id = s.program_id "
                    + "WHERE a.cycle_id = :c AND p.faculty_id = 'UBC' ORDER BY a.stream_id").bind("c", DemoData.CYCLE).mapTo(String.class)
                    .list()).get(0);
            assertThat(services.rankLists().lists(DemoData.CYCLE, 1, RankListService.STREAM, ubcDraft).inForce()).as("UBC's draft")
                    .isEmpty();

            MatchRun run = services.matchRuns().run(DemoData.CYCLE, 1, 1L, "operator");
            assertThat(run.stable()).isTrue();
            assertThat(run.applicants()).isGreaterThan(80);
            assertThat(run.matched()).isGreaterThan(run.applicants() / 2).isLessThan(run.applicants());
            clock.set(LocalDateTime.of(2025, 3, 5, 12, 0));
            services.matchRuns().release(DemoData.CYCLE, run.id(), "operator");
            assertThat(services.matchRuns().resultOf(DemoData.CYCLE, 1, DemoJourney.UNRANKED)).contains(java.util.Optional.empty());
            assertThat(services.clinicalAssessment().pool(DemoData.CYCLE)).extracting(p -> p.applicantId())
                    .contains(DemoJourney.UNRANKED, DemoJourney.NEVER_SUBMITTED);
        }
    }
}
