package org.residencymatch.engine.support;

import java.util.function.LongConsumer;

/**
 * Runs a property over many seeded random cases, deterministically, and names the failing seed so
 * that a failure can be replayed on its own.
 */
public final class Seeds {

    private Seeds() {
    }

    public static void forEach(long firstSeed, int cases, LongConsumer property) {
        for (long seed = firstSeed; seed < firstSeed + cases; seed++) {
            try {
                property.accept(seed);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("property fails for seed " + seed + ": " + failure.getMessage(), failure);
            }
        }
    }
}
