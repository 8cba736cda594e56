package org.residencymatch.exact;

import java.util.Map;
import java.util.TreeMap;

import org.residencymatch.engine.MatchEngine;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchResult;
import org.residencymatch.engine.audit.StabilityAudit;
import org.residencymatch.engine.generate.GeneratorSpec;
import org.residencymatch.engine.generate.InstanceGenerator;

/**
 * The exact method as the oracle of the engine's portfolio: over small instances of the hard kind
 * ({@link GeneratorSpec#smallHard(long)}), how often a stable matching exists, how often the exact
 * method proves that none does, and whether the portfolio found one every time one exists. Used by
 * the build's test (a few hundred instances) and by the benchmarks' sweep (ten thousand).
 */
public final class OracleSweep {

    private OracleSweep() {
    }

    /**
     * Sweeps instances {@code firstSeed .. firstSeed + instances - 1} (each run by the engine with its
     * instance seed as the run's seed).
     *
     * @throws AssertionError when the engine and its audit disagree, or the engine calls a matching
     *                        stable where the exact method proved none exists
     */
    public static Rates run(long firstSeed, int instances) {
        Rates rates = new Rates();
        for (long seed = firstSeed; seed < firstSeed + instances; seed++) {
            MatchInstance instance = InstanceGenerator.generate(GeneratorSpec.smallHard(seed));
            ExactMatcher.Outcome exact = ExactMatcher.solve(instance, 60_000);
            long started = System.nanoTime();
            MatchResult result = new MatchEngine().run(instance, seed);
            rates.engineNanos += System.nanoTime() - started;
            rates.exactMillis += exact.elapsedMillis();
            // The engine's flag is the audit's verdict: re-checked here from the assignment alone.
            boolean auditStable = StabilityAudit.audit(instance, result.programIndexByApplicant()).stable();
            if (result.stable() != auditStable) {
                throw new AssertionError("seed " + seed + ": the result says stable=" + result.stable() + ", the audit " + auditStable);
            }
            switch (exact.verdict()) {
                case STABLE_MATCHING_FOUND -> {
                    rates.exists++;
                    if (!result.stable()) {
                        rates.missed++;
                        rates.missedSeeds.append(' ').append(seed);
                    }
                }
                case NO_STABLE_MATCHING -> {
                    rates.none++;
                    if (result.stable()) {
                        throw new AssertionError(
                                "seed " + seed + ": the engine found a stable matching where the exact method proved none");
                    }
                }
                case UNKNOWN -> rates.unknown++;
            }
            if (result.stable()) {
                rates.byStrategy.merge(result.stats().strategy(), 1, Integer::sum);
            }
        }
        return rates;
    }

    /** What a sweep found. */
    public static final class Rates {
        private int exists;
        private int none;
        private int unknown;
        private int missed;
        private long engineNanos;
        private long exactMillis;
        private final StringBuilder missedSeeds = new StringBuilder();
        private final Map<String, Integer> byStrategy = new TreeMap<>();

        /** Instances where the exact method found a stable matching. */
        public int exists() {
            return exists;
        }

        /** Instances where the exact method proved that none exists. */
        public int none() {
            return none;
        }

        /** Instances the exact method did not decide in time. */
        public int unknown() {
            return unknown;
        }

        /** Instances with a stable matching where the portfolio ended not stable. */
        public int missed() {
            return missed;
        }

        /** Stable results by the strategy that found them. */
        public Map<String, Integer> byStrategy() {
            return byStrategy;
        }

        @Override
        public String toString() {
            return "stable matching exists: " + exists + ", none (proved): " + none + ", undecided: " + unknown
                    + "; portfolio missed " + missed + (missed > 0 ? " (seeds" + missedSeeds + ")" : "")
                    + "; stable results by strategy " + byStrategy
                    + String.format("; engine %.1f s, exact method %.1f s in all", engineNanos / 1e9, exactMillis / 1e3);
        }
    }
}
