package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.cap.ClinicalAssessmentService;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.DemoJourney;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * #16 point 4 on match day: {@link FrenchPagesTest} walks the demo year up to the rank order lists, when no
 * match has been run; this walks, in French, what only match day and the second iteration show. With a run
 * not yet released: the operator's match page, the release confirmation and the run's results. Released:
 * the operator's pages (results, report, CAP pool), program staff's matched applicants, the AIMG partner's
 * outcomes, a matched couple and unmatched applicants (with the reasons each program did not place them).
 * Then CAP invitations (one answered) and the second iteration's program selection. Every page must be free
 * of English interface text, as in {@link FrenchPagesTest}.
 */
@DatabaseTest
class FrenchMatchDayPagesTest {

    static final MutableClock clock = new MutableClock(LocalDateTime.of(2025, 1, 20, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);

    /** Unmatched on the AIMG list (no program ranks him): in the AIMG CAP pool. */
    static final String UNRANKED = "A-2002";
    /** Her list was left a draft: unmatched, not on the AIMG list. */
    static final String DRAFT_ONLY = "A-2001";
    /** One of the couple. */
    static final String COUPLE = "A-1001";

    @Test
    void matchDayAndTheSecondIterationAreInFrenchForEveryParty() throws Exception {
        var services = web.services();
        new DemoJourney(services).catchUp();
        FrenchWalk french = new FrenchWalk(web);

        clock.set(LocalDateTime.of(2025, 2, 20, 12, 0));
        long runId = services.matchRuns().run(DemoData.CYCLE, 1, 7L, "test").id();
        int pages = french.during("run, not released").walk(DemoData.OPERATOR_EMAIL);

        clock.set(LocalDateTime.of(2025, 3, 5, 12, 0));
        services.placementReasons().set(DemoData.CYCLE, true, "test");
        services.matchRuns().release(DemoData.CYCLE, runId, "test");
        pages += french.during("released").walkAll(List.of(DemoData.OPERATOR_EMAIL, "staff@ubc.example", "aimg@partner.example",
                FrenchWalk.emailOf(web, COUPLE), FrenchWalk.emailOf(web, UNRANKED), FrenchWalk.emailOf(web, DRAFT_ONLY)));

        List<String> pool = services.clinicalAssessment().pool(DemoData.CYCLE).stream()
                .map(ClinicalAssessmentService.PoolEntry::applicantId)
                .toList();
        assertThat(pool).as("the AIMG CAP pool").contains(UNRANKED).hasSizeGreaterThan(1);
        String other = pool.stream().filter(a -> !a.equals(UNRANKED)).findFirst().orElseThrow();
        services.clinicalAssessment().invite(DemoData.CYCLE, List.of(UNRANKED, other), LocalDateTime.of(2025, 3, 12, 12, 0),
                ClinicalAssessmentService.DEFAULT_INVITATION_LIMIT, "test");
        services.clinicalAssessment().respond(DemoData.CYCLE, other, true);
        clock.set(LocalDateTime.of(2025, 3, 7, 12, 0));
        pages += french.during("CAP invitations, second iteration").walkAll(List.of(DemoData.OPERATOR_EMAIL,
                FrenchWalk.emailOf(web, UNRANKED), FrenchWalk.emailOf(web, other), FrenchWalk.emailOf(web, DRAFT_ONLY)));

        String report = french.report("french-match-day-pages", pages);
        // The match-day pages, each reached in French.
        for (String page : List.of("run, not released: " + DemoData.OPERATOR_EMAIL + " /operator/match/" + runId + "/release",
                "released: " + DemoData.OPERATOR_EMAIL + " /operator/match/" + runId + "/results",
                "released: " + DemoData.OPERATOR_EMAIL + " /operator/match/report", "released: staff@ubc.example /staff/matched",
                "released: " + FrenchWalk.emailOf(web, UNRANKED) + " /applicant",
                "CAP invitations, second iteration: " + DemoData.OPERATOR_EMAIL + " /operator/cap",
                "CAP invitations, second iteration: " + FrenchWalk.emailOf(web, UNRANKED) + " /applicant/follow-ups",
                "CAP invitations, second iteration: " + FrenchWalk.emailOf(web, DRAFT_ONLY) + " /applicant/catalogue?iteration=2")) {
            assertThat(french.walked).as("walked").anyMatch(w -> w.startsWith(page));
        }
        assertThat(french.actionsWithoutFrenchText()).as("audit actions recorded without a French text").isEmpty();
        assertThat(french.findings).as("English on French match-day pages (%d pages walked):\n%s", pages, report).isEmpty();
    }
}
