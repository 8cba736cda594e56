package org.residencymatch.engine.algorithm;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.ProgressListener;
import org.residencymatch.engine.audit.StabilityAudit;
import org.residencymatch.engine.generate.GeneratorSpec;
import org.residencymatch.engine.generate.InstanceGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class KojimaPathakRothMatcherTest {

    /**
     * Skipping, in step 4, the agents that cannot block changes nothing but the work: the same
     * matching after the same number of passes as the algorithm as written, in every order. The
     * one difference is the cycle limit, which counts applications: the algorithm as written, whose
     * every pass re-applies everyone, reaches it a few passes earlier.
     */
    @Test
    void skippingAgentsThatCannotBlockGivesTheAlgorithmsOwnMatchings() {
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int applicants = 40 + random.nextInt(200);
            MatchInstance instance = InstanceGenerator.generate(GeneratorSpec.hard(applicants,
                    4 + random.nextInt(30), 2 + random.nextInt(20), seed).withMeanRolLength(3 + random.nextInt(6)));
            compare(instance, random, seed);
        }
        for (long seed = 1; seed <= 3; seed++) {
            compare(InstanceGenerator.generate(GeneratorSpec.carmsHard(seed)), new SplittableRandom(seed), seed);
        }
    }

    /**
     * With randomized passes (displaced agents going on down their list within a pass), the
     * attempt's own verdict is the audit's, on every instance and in every order: its check looks
     * only at the agents that may block, and an agent that applied from below the top of its list
     * may block above (a first version forgot it, and called matchings stable that were not).
     */
    @Test
    void randomizedPassesCallStableExactlyTheMatchingsTheAuditCallsStable() {
        int stable = 0;
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int applicants = 40 + random.nextInt(200);
            MatchInstance instance = InstanceGenerator.generate(GeneratorSpec.hard(applicants,
                    4 + random.nextInt(30), 2 + random.nextInt(20), seed).withMeanRolLength(3 + random.nextInt(6)));
            stable += randomized(instance, random, seed) ? 1 : 0;
        }
        for (long seed = 1; seed <= 5; seed++) {
            stable += randomized(InstanceGenerator.generate(GeneratorSpec.carmsHard(seed)), new SplittableRandom(seed), seed) ? 1 : 0;
        }
        assertThat(stable).as("attempts that settled").isGreaterThan(150);
    }

    private static boolean randomized(MatchInstance instance, SplittableRandom random, long seed) {
        int[] singles = java.util.stream.IntStream.range(0, instance.applicantCount())
                .filter(a -> instance.coupleOf(a) < 0).toArray();
        int[] couples = java.util.stream.IntStream.range(0, instance.coupleCount()).toArray();
        shuffle(singles, random);
        shuffle(couples, random);
        Placement placement = new Placement(instance, null);
        KojimaPathakRothMatcher kpr = new KojimaPathakRothMatcher(instance, new CouplesByProgram(instance),
                Budget.ofMillis(0), ProgressListener.SILENT, 100);
        boolean anyStable = false;
        for (int attempt = 0; attempt < 3; attempt++) {
            AttemptOutcome outcome = kpr.run(placement, singles, couples, random, true, "test");
            assertThat(outcome.stable()).as("seed %d, attempt %d: %s", seed, attempt, outcome)
                    .isEqualTo(StabilityAudit.audit(instance, placement.programOf).stable());
            assertThat(outcome.stable()).as("seed %d", seed).isEqualTo(placement.blockingPairs() == 0);
            anyStable |= outcome.stable();
        }
        return anyStable;
    }

    private static void compare(MatchInstance instance, SplittableRandom random, long seed) {
        int[] singles = java.util.stream.IntStream.range(0, instance.applicantCount())
                .filter(a -> instance.coupleOf(a) < 0).toArray();
        int[] couples = java.util.stream.IntStream.range(0, instance.coupleCount()).toArray();
        shuffle(singles, random);
        shuffle(couples, random);
        CouplesByProgram index = new CouplesByProgram(instance);
        Placement skipping = new Placement(instance, null);
        Placement asWritten = new Placement(instance, null);
        AttemptOutcome fast = new KojimaPathakRothMatcher(instance, index, Budget.ofMillis(0), ProgressListener.SILENT, 100, true)
                .run(skipping, singles, couples, "test");
        AttemptOutcome plain = new KojimaPathakRothMatcher(instance, index, Budget.ofMillis(0), ProgressListener.SILENT, 100, false)
                .run(asWritten, singles, couples, "test");
        if (plain.stable()) {
            assertThat(skipping.programOf).as("seed %d: %s vs %s", seed, fast, plain).containsExactly(asWritten.programOf);
            assertThat(fast.stable()).as("seed %d", seed).isTrue();
            assertThat(fast.rounds()).as("seed %d", seed).isEqualTo(plain.rounds());
        } else {
            assertThat(fast.rounds()).as("seed %d: %s vs %s", seed, fast, plain).isGreaterThanOrEqualTo(plain.rounds());
        }
        assertThat(StabilityAudit.audit(instance, skipping.programOf).stable()).as("seed %d", seed).isEqualTo(fast.stable());
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
