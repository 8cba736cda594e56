package org.residencymatch.exact;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.ProgramPair;
import org.residencymatch.engine.audit.StabilityAudit;

import static org.assertj.core.api.Assertions.assertThat;

class ExactMatcherTest {

    /**
     * The SAT model's verdict equals exhaustive search's on thousands of tiny instances, and every
     * matching it returns is stable by the engine's independent audit.
     */
    @Test
    void agreesWithExhaustiveSearchOnTinyInstances() {
        int withStable = 0;
        int without = 0;
        for (long seed = 1; seed <= 3_000; seed++) {
            MatchInstance instance = TinyInstances.random(seed, 5, 3, 4);
            ExactMatcher.Outcome exact = ExactMatcher.solve(instance, 10_000);
            int[] exhaustive = ExhaustiveSearch.findStable(instance);
            if (exhaustive == null) {
                without++;
                assertThat(exact.verdict()).as("seed %d", seed).isEqualTo(ExactMatcher.Verdict.NO_STABLE_MATCHING);
            } else {
                withStable++;
                assertThat(exact.verdict()).as("seed %d", seed).isEqualTo(ExactMatcher.Verdict.STABLE_MATCHING_FOUND);
                assertThat(StabilityAudit.audit(instance, exact.programOfApplicant()).reasons()).as("seed %d", seed).isEmpty();
            }
        }
        // Both kinds of instance showed up.
        assertThat(without).isGreaterThan(20);
        assertThat(withStable).isGreaterThan(2_000);
    }

    /**
     * Roth (1984): h1 and h2 with one position each, the couple (a, b) wants only (h1, h2), h1 prefers
     * a to s, h2 prefers s to b, s prefers h1 to h2: every matching is blocked.
     */
    @Test
    void provesThatRothsExampleHasNoStableMatching() {
        MatchInstance instance = MatchInstance.builder()
                .program("h1", 1, List.of("a", "s"))
                .program("h2", 1, List.of("s", "b"))
                .applicant("s", List.of("h1", "h2"))
                .applicant("a")
                .applicant("b")
                .couple("C", "a", "b", List.of(ProgramPair.of("h1", "h2")))
                .build();

        ExactMatcher.Outcome outcome = ExactMatcher.solve(instance, 10_000);

        assertThat(outcome.verdict()).isEqualTo(ExactMatcher.Verdict.NO_STABLE_MATCHING);
        assertThat(outcome.programOfApplicant()).isNull();
    }

    @Test
    void findsTheStableMatchingOfACoupleSharingAStream() {
        MatchInstance instance = MatchInstance.builder()
                .program("X", 2, List.of("s", "a", "b"))
                .applicant("s", List.of("X"))
                .applicant("a")
                .applicant("b")
                .couple("C", "a", "b", List.of(ProgramPair.of("X", "X"), ProgramPair.of("X", null)))
                .build();

        ExactMatcher.Outcome outcome = ExactMatcher.solve(instance, 10_000);

        // Both partners in X would need s's position too, so the couple settles for (X, no match).
        assertThat(outcome.verdict()).isEqualTo(ExactMatcher.Verdict.STABLE_MATCHING_FOUND);
        assertThat(outcome.programOfApplicant()).containsExactly(0, 0, -1);
    }
}
