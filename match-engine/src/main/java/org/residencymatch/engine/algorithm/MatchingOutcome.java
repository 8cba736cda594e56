package org.residencymatch.engine.algorithm;

/**
 * What the matching algorithm produced, before any audit.
 *
 * @param programOfApplicant for each applicant, the program stream assigned, or {@code -1}
 * @param converged          whether the algorithm reached a matching in which its own check finds
 *                           no blocking pair (the independent audit has the last word)
 * @param attempts           couple entry orders tried (1 when the first one settled)
 * @param rounds             stabilization rounds run, over all attempts
 * @param proposals          applications made by singles and couples, over all attempts
 * @param cycleDetected      whether some attempt came back to a matching it had already seen
 */
public record MatchingOutcome(int[] programOfApplicant, boolean converged, int attempts, long rounds,
                              long proposals, boolean cycleDetected) {
}
