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
 * @param cycleDetected whether some attempt came back to a matching it had already seen
 */
public record MatchStats(int applicants, int matched, long positions, int filled, long elapsedMillis,
                         int couples, int attempts, long rounds, long proposals, boolean converged,
                         boolean cycleDetected) {
}
