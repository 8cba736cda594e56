package org.residencymatch.exact;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.residencymatch.engine.MatchEngine;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchResult;
import org.residencymatch.engine.audit.StabilityAudit;
import org.residencymatch.engine.generate.GeneratorSpec;
import org.residencymatch.engine.generate.InstanceGenerator;
import org.sat4j.minisat.SolverFactory;

import static org.assertj.core.api.Assertions.assertThat;

class NeighbourhoodSearchTest {

    /**
     * The model with some applicants fixed: every solution is stable by the audit, and when the fixed
     * applicants keep their places of a stable matching, a solution exists (that matching is one).
     */
    @Test
    void fixedModelSolutionsAreStableAndItAdmitsTheStableMatchingItWasFixedFrom() {
        int checked = 0;
        for (long seed = 1; seed <= 300; seed++) {
            MatchInstance instance = InstanceGenerator.generate(GeneratorSpec.smallHard(seed));
            MatchResult engine = new MatchEngine().run(instance, seed);
            SplittableRandom random = new SplittableRandom(seed);
            boolean[] free = randomFree(instance, random);
            ExactMatcher.Outcome fromEngine = solveFixed(instance, engine.programIndexByApplicant(), free);
            if (fromEngine.programOfApplicant() != null) {
                assertThat(StabilityAudit.audit(instance, fromEngine.programOfApplicant()).reasons()).as("seed %d", seed).isEmpty();
                checked++;
            }
            if (engine.stable()) {
                // The engine's own stable matching is a solution of the model fixed from it.
                assertThat(fromEngine.verdict()).as("seed %d", seed).isEqualTo(ExactMatcher.Verdict.STABLE_MATCHING_FOUND);
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    /**
     * On small hard instances, from a matching that is not stable (the engine's, with some applicants
     * taken out of it), the search finds a stable matching wherever the exact method proves one
     * exists, proves there is none where it proves there is none (its last neighbourhood is the whole
     * instance), and gives the same matching when run again.
     */
    @Test
    void findsAStableMatchingWhereOneExistsAndProvesNoneWhereNoneDoes() {
        int found = 0;
        int proved = 0;
        for (long seed = 1; seed <= 150; seed++) {
            MatchInstance instance = InstanceGenerator.generate(GeneratorSpec.smallHard(seed));
            ExactMatcher.Outcome exact = ExactMatcher.solve(instance, 60_000);
            int[] start = new MatchEngine().run(instance, seed).programIndexByApplicant();
            SplittableRandom random = new SplittableRandom(seed);
            for (int a = 0; a < start.length; a++) {
                if (random.nextInt(10) == 0) {
                    leave(instance, start, a);
                }
            }
            if (StabilityAudit.audit(instance, start).stable()) {
                continue;
            }
            NeighbourhoodSearch.Outcome outcome = NeighbourhoodSearch.search(instance, start, 60_000, 8, 100_000);
            switch (exact.verdict()) {
                case STABLE_MATCHING_FOUND -> {
                    assertThat(outcome.verdict()).as("seed %d: %s", seed, outcome.steps())
                            .isEqualTo(ExactMatcher.Verdict.STABLE_MATCHING_FOUND);
                    assertThat(StabilityAudit.audit(instance, outcome.programOfApplicant()).reasons()).as("seed %d", seed).isEmpty();
                    assertThat(NeighbourhoodSearch.search(instance, start, 60_000, 8, 100_000).programOfApplicant())
                            .as("seed %d, again", seed).isEqualTo(outcome.programOfApplicant());
                    found++;
                }
                case NO_STABLE_MATCHING -> {
                    assertThat(outcome.verdict()).as("seed %d: %s", seed, outcome.steps())
                            .isEqualTo(ExactMatcher.Verdict.NO_STABLE_MATCHING);
                    proved++;
                }
                case UNKNOWN -> throw new AssertionError("seed " + seed + ": the exact method did not decide");
            }
        }
        assertThat(found).isGreaterThan(50);
        assertThat(proved).isGreaterThan(5);
    }

    /** Takes the applicant (and a couple member's partner) out of the matching: still a matching. */
    private static void leave(MatchInstance instance, int[] programOf, int applicant) {
        programOf[applicant] = -1;
        int couple = instance.coupleOf(applicant);
        if (couple >= 0) {
            programOf[instance.coupleFirst(couple)] = -1;
            programOf[instance.coupleSecond(couple)] = -1;
        }
    }

    private static boolean[] randomFree(MatchInstance instance, SplittableRandom random) {
        boolean[] free = new boolean[instance.applicantCount()];
        for (int a = 0; a < free.length; a++) {
            free[a] = random.nextInt(3) == 0;
        }
        for (int c = 0; c < instance.coupleCount(); c++) {
            free[instance.coupleSecond(c)] = free[instance.coupleFirst(c)];
        }
        return free;
    }

    private static ExactMatcher.Outcome solveFixed(MatchInstance instance, int[] start, boolean[] free) {
        var solver = SolverFactory.newDefault();
        solver.setTimeoutMs(10_000);
        return ExactMatcher.solve(new StabilityModel(instance, start, free), solver, System.nanoTime());
    }
}
