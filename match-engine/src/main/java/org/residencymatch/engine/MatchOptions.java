package org.residencymatch.engine;

import java.util.Objects;

/**
 * How a match is run. The defaults suit national-scale instances; tests may lower the bounds to
 * exercise the fallback.
 *
 * @param maxAttempts maximum number of couple entry orders tried before giving up on stability
 *                    (the first is the declaration order, the others are seeded shuffles)
 * @param maxRoundsPerAttempt maximum number of stabilization rounds (resolve every blocking pair
 *                    found, then look again) within one attempt
 * @param progress    receives progress reports
 */
public record MatchOptions(int maxAttempts, int maxRoundsPerAttempt, ProgressListener progress) {

    public MatchOptions {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (maxRoundsPerAttempt < 1) {
            throw new IllegalArgumentException("maxRoundsPerAttempt must be at least 1, was " + maxRoundsPerAttempt);
        }
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * 8 attempts of at most 250 rounds each, no progress reports. Instances that settle do so in a
     * few rounds of the first attempt; the bounds only cap the time spent on those that may have
     * no stable matching at all.
     */
    public static MatchOptions defaults() {
        return new MatchOptions(8, 250, ProgressListener.SILENT);
    }

    public MatchOptions withMaxAttempts(int attempts) {
        return new MatchOptions(attempts, maxRoundsPerAttempt, progress);
    }

    public MatchOptions withMaxRoundsPerAttempt(int rounds) {
        return new MatchOptions(maxAttempts, rounds, progress);
    }

    public MatchOptions withProgress(ProgressListener listener) {
        return new MatchOptions(maxAttempts, maxRoundsPerAttempt, listener);
    }
}
