package org.residencymatch.engine;

/**
 * Counts about a match run.
 *
 * @param applicants    applicants in the instance
 * @param matched       applicants assigned a program stream
 * @param positions     total positions (sum of quotas)
 * @param filled        positions filled (equals {@code matched})
 * @param elapsedMillis wall time of the algorithm plus the audit
 * @param couples       couples in the instance
 * @param attempts      couple entry orders tried (see the engine's fallback)
 * @param rounds        stabilization rounds run
 * @param proposals     applications made by singles and couples
 * @param converged     whether the algorithm's own check found no blocking pair at the end
 * @param cycleDetected whether some attempt found itself going round
 * @param strategy      the strategy whose matching this is: the one that found it stable, or the one
 *                      that gave the best matching seen ({@code kojima-pathak-roth},
 *                      {@code roth-peranson}, {@code random-paths}, {@code deferred-acceptance}
 *                      without couples)
 * @param budgetExhausted whether the time budget ended the run before a stable matching was found
 */
public record MatchStats(int applicants, int matched, long positions, int filled, long elapsedMillis,
        int couples, int attempts, long rounds, long proposals, boolean converged,
        boolean cycleDetected, String strategy, boolean budgetExhausted) {
}
