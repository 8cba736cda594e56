package org.residencymatch.exact;

import org.residencymatch.engine.MatchEngine;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchResult;

/**
 * The last strategy of the portfolio, for small instances: when the engine's strategies end without
 * a stable matching on an instance of at most {@link ExactMatcher#MAX_APPLICANTS} applicants, the
 * exact method decides. It finds a stable matching wherever one exists (the engine's heuristics miss
 * a few in ten thousand small hard instances: docs/BENCHMARKS.md), or proves that none does, in which
 * case the engine's best matching stands, with what blocks it.
 */
public final class ExactFallback {

    /**
     * The result to keep, and what the exact method concluded.
     *
     * @param result the engine's result, or the exact method's stable matching (strategy {@code "exact"})
     * @param exact  the exact method's outcome, or {@code null} when it did not run (the engine's
     *               result was stable, or the instance too large)
     */
    public record Completed(MatchResult result, ExactMatcher.Outcome exact) {

        /** The exact method's verdict as results write it, or {@code null} when it did not run. */
        public String exactVerdict() {
            return exact == null ? null : exact.verdict().id();
        }
    }

    private ExactFallback() {
    }

    /** Completes the engine's result with the exact method when it is not stable and the instance is small. */
    public static Completed complete(MatchInstance instance, MatchResult result, long timeLimitMillis) {
        if (result.stable() || instance.applicantCount() > ExactMatcher.MAX_APPLICANTS) {
            return new Completed(result, null);
        }
        ExactMatcher.Outcome outcome = ExactMatcher.solve(instance, timeLimitMillis);
        if (outcome.verdict() == ExactMatcher.Verdict.STABLE_MATCHING_FOUND) {
            return new Completed(MatchEngine.resultOf(instance, outcome.programOfApplicant(), "exact",
                    result.stats().elapsedMillis() + outcome.elapsedMillis()), outcome);
        }
        return new Completed(result, outcome);
    }
}
