package org.residencymatch.engine;

import java.util.Objects;

/**
 * How a match is run. The defaults suit national-scale instances; tests may lower the bounds to
 * exercise the fallback.
 *
 * @param maxAttempts         strategy attempts at most (each run of one strategy of the portfolio
 *                            is one attempt; see {@code CouplesPortfolio}); a bound on the work, so
 *                            that a run that does not settle ends the same way on any machine
 * @param maxRoundsPerAttempt rounds at most within one attempt (Roth–Peranson stabilization rounds;
 *                            random paths take 40 steps per round)
 * @param timeBudgetMillis    wall-clock budget of the whole run, {@code 0} for none: when it has
 *                            passed, the best matching seen is returned, marked not stable. The
 *                            only input of a run that is not the instance and the seed: a run cut
 *                            short by it may end differently on another machine, and says so
 *                            ({@code budgetExhausted} in the stats)
 * @param progress            receives progress reports
 */
public record MatchOptions(int maxAttempts, int maxRoundsPerAttempt, long timeBudgetMillis, ProgressListener progress) {

    /** Default time budget: a minute, ample at national scale (a stable run takes well under a second). */
    public static final long DEFAULT_TIME_BUDGET_MILLIS = 60_000;

    public MatchOptions {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (maxRoundsPerAttempt < 1) {
            throw new IllegalArgumentException("maxRoundsPerAttempt must be at least 1, was " + maxRoundsPerAttempt);
        }
        if (timeBudgetMillis < 0) {
            throw new IllegalArgumentException("timeBudgetMillis must be 0 (none) or positive, was " + timeBudgetMillis);
        }
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * 40 attempts (eight rounds of the five couples attempts) of at most 250 rounds each, a time
     * budget of 60 s, no progress reports. Instances that settle usually do so in the first attempt;
     * the bounds only cap the time spent on those that may have no stable matching at all.
     */
    public static MatchOptions defaults() {
        return new MatchOptions(40, 250, DEFAULT_TIME_BUDGET_MILLIS, ProgressListener.SILENT);
    }

    public MatchOptions withMaxAttempts(int attempts) {
        return new MatchOptions(attempts, maxRoundsPerAttempt, timeBudgetMillis, progress);
    }

    public MatchOptions withMaxRoundsPerAttempt(int rounds) {
        return new MatchOptions(maxAttempts, rounds, timeBudgetMillis, progress);
    }

    public MatchOptions withTimeBudgetMillis(long millis) {
        return new MatchOptions(maxAttempts, maxRoundsPerAttempt, millis, progress);
    }

    public MatchOptions withProgress(ProgressListener listener) {
        return new MatchOptions(maxAttempts, maxRoundsPerAttempt, timeBudgetMillis, listener);
    }
}
