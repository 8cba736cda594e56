package org.residencymatch.engine.algorithm;

/**
 * How one attempt of one strategy ended; the matching itself is left in the attempt's placement.
 *
 * @param stable        whether the strategy ended on a matching where nothing blocks
 * @param rounds        the strategy's rounds (KPR: re-application passes; Roth–Peranson:
 *                      stabilization rounds; random paths: blocking pairs satisfied)
 * @param proposals     applications made
 * @param cycleDetected whether the strategy found itself going round (KPR: an agent applied to the
 *                      same entry as often as allowed; Roth–Peranson: a matching came back)
 * @param outOfTime     whether the time budget ended the attempt
 */
record AttemptOutcome(boolean stable, long rounds, long proposals, boolean cycleDetected, boolean outOfTime) {
}
