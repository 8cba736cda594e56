package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.failure;
import static org.residencymatch.api.DemoApiServer.invalidField;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.api.ResultsApi;
import org.residencymatch.api.client.model.ApplicantResult;
import org.residencymatch.api.client.model.PlacementReason;
import org.residencymatch.api.client.model.PlacementReasonPolicy;
import org.residencymatch.api.client.model.PlacementReasonPolicyRequest;
import org.residencymatch.application.Couple;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * The per-cycle policy that tells an unmatched applicant why each program on their list did not place
 * them: off by default, turned on and off by the operator through the API (audited), and the reasons in
 * the applicant's result while it is on, for a single and for a member of a couple.
 */
@DatabaseTest
class PlacementReasonApiTest {

    /** Two Ontario IMG streams of one position each. */
    static final String H1 = "27039", H2 = "26697";
    static final String AMIRA = "A-2001", SINGLE = "A-2008", FIRST = "A-2016", SECOND = "A-2013";

    static MutableClock clock;
    static DemoApiServer demo;

    /**
     * H1 takes the single, whom it ranks above the couple's first partner; the couple wants (H1, H2),
     * else the first partner at H2 alone; H2 ranks the second partner above the first, so the couple ends
     * with the first partner at H2 and the second unmatched. Nobody ranks Amira. Released.
     */
    @BeforeAll
    static void released() {
        clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
        demo = DemoApiServer.start(clock);
        var services = demo.services();
        for (String applicant : List.of(AMIRA, SINGLE, FIRST, SECOND)) {
            for (String stream : List.of(H1, H2)) services.applications().apply(CYCLE, 1, applicant, stream, "test");
        }
        services.quotas().setQuota(CYCLE, H1, 1, "test");
        services.quotas().setQuota(CYCLE, H2, 1, "test");
        Couple couple = services.couples().propose(CYCLE, 1, FIRST, SECOND);
        services.couples().accept(CYCLE, couple.id(), SECOND);
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        services.rankLists().saveApplicantList(CYCLE, 1, AMIRA, List.of(H1, H2), true, "test");
        services.rankLists().saveApplicantList(CYCLE, 1, SINGLE, List.of(H1), true, "test");
        services.rankLists().saveCoupleList(CYCLE, 1, couple.id(), List.of(Arrays.asList(H1, H2), Arrays.asList(H2, null)), true, "test");
        services.rankLists().saveStreamList(CYCLE, 1, H1, List.of(SINGLE, FIRST), true, "test");
        services.rankLists().saveStreamList(CYCLE, 1, H2, List.of(SECOND, FIRST), true, "test");
        clock.set(LocalDateTime.of(2025, 3, 5, 12, 0));
        var run = services.matchRuns().run(CYCLE, 1, 1L, "test");
        assertThat(run.stable()).isTrue();
        services.matchRuns().release(CYCLE, run.id(), "test");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static int audited() {
        return demo.services().database().jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'match.placementReasons' AND target = :c")
                        .bind("c", CYCLE).mapTo(Integer.class).one());
    }

    @Test
    void offUntilTheOperatorTurnsItOnThenEachUnmatchedApplicantReadsWhyEachProgramDidNotPlaceThem() throws Exception {
        ResultsApi operator = new ResultsApi(demo.operator());
        ResultsApi amira = new ResultsApi(demo.bearer(demo.tokenForApplicant(AMIRA)));
        PlacementReasonPolicy off = operator.getPlacementReasonPolicy(CYCLE);
        assertThat(off.getEnabled()).isFalse();
        assertThat(off.getChangedAt()).isNull();
        ApplicantResult before = amira.getApplicantResult(CYCLE, 1, AMIRA);
        assertThat(before.getMatched()).isFalse();
        assertThat(before.getPlacementReasons()).as("off by default").isNull();

        invalidField("enabled", () -> operator.setPlacementReasonPolicy(CYCLE, new PlacementReasonPolicyRequest()));
        invalidField("enabled", () -> new ResultsApi(demo.operatorSending("{\"enabled\": \"yes\"}"))
                .setPlacementReasonPolicy(CYCLE, new PlacementReasonPolicyRequest().enabled(true)));
        assertThat(failure(403, () -> new ResultsApi(demo.bearer(demo.tokenForApplicant(AMIRA)))
                .setPlacementReasonPolicy(CYCLE, new PlacementReasonPolicyRequest().enabled(true))).getCode()).isEqualTo("FORBIDDEN");
        assertThat(audited()).as("nothing changed by a refusal").isZero();

        PlacementReasonPolicy on = operator.setPlacementReasonPolicy(CYCLE, new PlacementReasonPolicyRequest().enabled(true));
        assertThat(on.getEnabled()).isTrue();
        assertThat(on.getChangedAt()).isNotNull();
        assertThat(operator.getPlacementReasonPolicy(CYCLE).getEnabled()).isTrue();
        assertThat(audited()).isEqualTo(1);

        assertThat(amira.getApplicantResult(CYCLE, 1, AMIRA).getPlacementReasons())
                .extracting(PlacementReason::getStreamId, PlacementReason::getCouple, PlacementReason::getReason)
                .containsExactly(tuple(H1, false, PlacementReason.ReasonEnum.DID_NOT_RANK_YOU),
                        tuple(H2, false, PlacementReason.ReasonEnum.DID_NOT_RANK_YOU));
        assertThat(operator.getApplicantResult(CYCLE, 1, SINGLE).getPlacementReasons()).as("matched: nothing to explain").isNull();
        assertThat(operator.getApplicantResult(CYCLE, 1, FIRST).getStreamId()).isEqualTo(H2);
        // The second partner's pairs up to (no match, H2), where the couple was placed: H2 ranked her, the pair was not placed.
        assertThat(operator.getApplicantResult(CYCLE, 1, SECOND).getPlacementReasons())
                .extracting(PlacementReason::getStreamId, PlacementReason::getPartnerStreamId, PlacementReason::getCouple,
                        PlacementReason::getReason)
                .containsExactly(tuple(H2, H1, true, PlacementReason.ReasonEnum.PAIR_NOT_PLACED_TOGETHER));

        assertThat(operator.setPlacementReasonPolicy(CYCLE, new PlacementReasonPolicyRequest().enabled(false)).getEnabled()).isFalse();
        assertThat(amira.getApplicantResult(CYCLE, 1, AMIRA).getPlacementReasons()).as("off again").isNull();
        assertThat(audited()).isEqualTo(2);
    }
}
