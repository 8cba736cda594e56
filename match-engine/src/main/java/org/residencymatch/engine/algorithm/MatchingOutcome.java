package org.residencymatch.engine.algorithm;

/**
 * What the matching algorithm produced, before any audit.
 *
 * @param programOfApplicant for each applicant, the program stream assigned, or {@code -1}
 * @param converged          whether the algorithm reached a matching in which its own check finds
 *                           no blocking pair (the independent audit has the last word)
 * @param attempts           strategy attempts made (1 when the first one settled)
 * @param rounds             rounds run, over all attempts (see {@link CouplesPortfolio})
 * @param proposals          applications made by singles and couples, over all attempts
 * @param cycleDetected      whether some attempt found itself going round
 * @param strategy           the strategy whose matching this is (see {@link Strategy})
 * @param budgetExhausted    whether the time budget ended the run before a stable matching was found
 */
public record MatchingOutcome(int[] programOfApplicant, boolean converged, int attempts, long rounds,
        long proposals, boolean cycleDetected, Strategy strategy, boolean budgetExhausted) {

    /** An outcome of one strategy alone (one attempt, within the budget). */
    MatchingOutcome(int[] programOfApplicant, boolean converged, int attempts, long rounds, long proposals,
            boolean cycleDetected) {
        this(programOfApplicant, converged, attempts, rounds, proposals, cycleDetected, Strategy.ROTH_PERANSON, false);
    }
}
