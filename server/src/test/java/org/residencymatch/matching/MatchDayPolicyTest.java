package org.residencymatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.residencymatch.cycle.Phase;

/** What the operator may do on match day, and the reason given when not. */
class MatchDayPolicyTest {

    static final LocalDateTime MATCH_OPENS = LocalDateTime.of(2025, 2, 17, 12, 0), RELEASE_OPENS = LocalDateTime.of(2025, 3, 4, 12, 0);

    static MatchRun run(long id, boolean stable, LocalDateTime releasedAt) {
        return new MatchRun(id, "2025-R1", 1, 1L, MATCH_OPENS, "operator", stable, 10, 8, 9, 8, null, releasedAt, "GALE_SHAPLEY", 1);
    }

    static MatchDayPolicy.State state(Phase phase, MatchRun released) {
        return new MatchDayPolicy.State(1, phase, MATCH_OPENS, RELEASE_OPENS, released, true);
    }

    @Test
    void theMatchRunsDuringTheMatchAndReleasePhasesUntilTheIterationIsReleased() {
        assertThat(MatchDayPolicy.run(state(Phase.MATCH, null)).allowed()).isTrue();
        assertThat(MatchDayPolicy.run(state(Phase.RESULTS_RELEASE, null)).allowed()).isTrue();
        MatchDayPolicy.Decision early = MatchDayPolicy.run(state(Phase.ROL_DEADLINE, null));
        assertThat(early.code()).isEqualTo("OUTSIDE_PHASE");
        assertThat(early.arguments()).containsExactly(MATCH_OPENS);
        MatchRun released = run(5, true, RELEASE_OPENS.plusDays(1));
        MatchDayPolicy.Decision after = MatchDayPolicy.run(state(Phase.RESULTS_RELEASE, released));
        assertThat(after.allowed()).isFalse();
        assertThat(after.code()).isEqualTo("ALREADY_RELEASED");
        assertThat(after.reasonKey()).isEqualTo("matchDay.refused.released");
        MatchDayPolicy.State second = new MatchDayPolicy.State(2, Phase.MATCH, MATCH_OPENS, RELEASE_OPENS, null, false);
        assertThat(MatchDayPolicy.run(second).code()).as("the second iteration waits for the first's release")
                .isEqualTo("FIRST_ITERATION_NOT_RELEASED");
    }

    @Test
    void onlyAStableRunIsReleasedFromTheReleaseDateAndOnlyOnePerIteration() {
        MatchRun stable = run(5, true, null), unstable = run(6, false, null);
        assertThat(MatchDayPolicy.release(state(Phase.RESULTS_RELEASE, null), stable).allowed()).isTrue();
        assertThat(MatchDayPolicy.release(state(Phase.MATCH, null), stable).code()).isEqualTo("OUTSIDE_PHASE");
        assertThat(MatchDayPolicy.release(state(Phase.MATCH, null), stable).arguments()).containsExactly(RELEASE_OPENS);
        assertThat(MatchDayPolicy.release(state(Phase.RESULTS_RELEASE, null), unstable).code()).isEqualTo("NOT_STABLE");

        MatchRun released = run(5, true, RELEASE_OPENS.plusHours(1));
        MatchDayPolicy.Decision again = MatchDayPolicy.release(state(Phase.RESULTS_RELEASE, released), released);
        assertThat(again.code()).isEqualTo("ALREADY_RELEASED");
        assertThat(again.reasonKey()).isEqualTo("matchDay.refused.thisReleased");
        MatchDayPolicy.Decision other = MatchDayPolicy.release(state(Phase.RESULTS_RELEASE, released), run(7, true, null));
        assertThat(other.code()).isEqualTo("ALREADY_RELEASED");
        assertThat(other.reasonKey()).isEqualTo("matchDay.refused.otherReleased");
        assertThat(other.arguments()).containsExactly("5", 1);
    }

    @Test
    void theResultsFilterFindsANameWithOrWithoutAccentsAndNarrowsByOutcomeAndCategory() {
        var emilie = new MatchResultsRepository.Row("A-1", "Émilie", "Côté", "CMG", "S1", "Stream", "Site", "Surgery", "Laval", "Laval",
                "QC", 3);
        var omar = new MatchResultsRepository.Row("A-2", "Omar", "Haddad", "IMG", null, null, null, null, null, null, null, 2);
        var rows = java.util.List.of(emilie, omar);
        assertThat(new ResultFilter("emilie cote", null, null).apply(rows)).containsExactly(emilie);
        assertThat(new ResultFilter("CÔTÉ", "", "ALL").apply(rows)).containsExactly(emilie);
        assertThat(new ResultFilter("a-2", null, null).apply(rows)).containsExactly(omar);
        assertThat(new ResultFilter(null, "unmatched", null).apply(rows)).containsExactly(omar);
        assertThat(new ResultFilter(null, "MATCHED", "IMG").apply(rows)).isEmpty();
        assertThat(new ResultFilter(null, null, "CMG").apply(rows)).containsExactly(emilie);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ResultFilter(null, "MAYBE", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
