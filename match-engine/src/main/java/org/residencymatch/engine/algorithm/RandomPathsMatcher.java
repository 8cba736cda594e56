package org.residencymatch.engine.algorithm;

import java.util.SplittableRandom;

import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.ProgressListener;

/**
 * Random paths to stability (Roth and Vande Vate, "Random paths to stability in two-sided
 * matching", Econometrica 58(6), 1990), from a given matching: repeatedly pick one blocking pair
 * at random (a blocking agent, then one of the entries of its list where it is taken, each as
 * likely) and satisfy it; whoever is displaced is left unassigned, a couple as a whole. Without couples such a path
 * reaches a stable matching with probability one; with couples a stable matching may not exist and
 * the walk may not reach one, so it is bounded by a number of steps and the time budget.
 *
 * <p>The agents known to block are kept in a pool: the chosen one is checked again before it moves
 * (the matching changed since it was found); the mover and the displaced join the pool. When the pool
 * is empty, only the agents who rank a stream that lost someone since the last look can have started
 * to block (elsewhere every position is as hard to take as it was), so only they are examined: the
 * pool then holds exactly the blocking agents, and a walk ends stable only when it is empty.
 * The best matching met at a full examination (fewest blocking agents, then most matched) is kept
 * and put back in the placement at the end when the walk does not settle.
 */
final class RandomPathsMatcher implements Placement.Listener {

    private static final int NONE = Placement.NONE;

    private final MatchInstance instance;
    private final int applicants;
    private final int couples;
    private final Budget budget;
    private final ProgressListener progress;

    private int[] pool = new int[64];
    private final boolean[] inPool;
    private int poolSize;

    /** Streams that lost someone since the last look. */
    private final int[] dirtyPrograms;
    private final boolean[] isDirty;
    private int dirtyCount;
    private final CouplesByProgram couplesByProgram;

    RandomPathsMatcher(MatchInstance instance, CouplesByProgram couplesByProgram, Budget budget, ProgressListener progress) {
        this.instance = instance;
        this.applicants = instance.applicantCount();
        this.couples = instance.coupleCount();
        this.budget = budget;
        this.progress = progress;
        this.inPool = new boolean[applicants + couples];
        int programs = instance.programCount();
        this.dirtyPrograms = new int[programs];
        this.isDirty = new boolean[programs];
        this.couplesByProgram = couplesByProgram;
    }

    /**
     * Walks from the matching in {@code placement} for at most {@code maxSteps} satisfied blocking
     * pairs; leaves the stable matching reached, or the best one met, in the placement.
     */
    AttemptOutcome run(Placement placement, SplittableRandom random, long maxSteps, String label) {
        placement.setListener(this);
        poolSize = 0;
        java.util.Arrays.fill(inPool, false);
        clearDirty();
        boolean fullLook = true;
        Placement best = new Placement(instance, this);
        best.copyFrom(placement);
        long bestBlocking = Long.MAX_VALUE;
        int bestMatched = -1;
        long steps = 0;
        long proposals = 0;
        while (true) {
            if (poolSize == 0) {
                int blocking = fullLook ? refillPool(placement) : refillPoolFromDirty(placement);
                fullLook = false;
                int matched = placement.matchedCount();
                if (blocking < bestBlocking || (blocking == bestBlocking && matched > bestMatched)) {
                    bestBlocking = blocking;
                    bestMatched = matched;
                    best.copyFrom(placement);
                }
                if (blocking == 0) {
                    return new AttemptOutcome(true, steps, proposals, false, false);
                }
            }
            if (steps >= maxSteps || ((steps & 255) == 0 && budget.exhausted())) {
                placement.copyFrom(best);
                return new AttemptOutcome(false, steps, proposals, false, budget.exhausted());
            }
            int index = random.nextInt(poolSize);
            int agent = pool[index];
            pool[index] = pool[--poolSize];
            inPool[agent] = false;
            proposals++;
            if (agent < applicants) {
                int entry = randomBlockingEntry(placement, agent, random);
                if (entry != NONE) {
                    placement.placeSingle(agent, entry);
                    add(agent); // it may block higher up still
                    steps++;
                }
            } else {
                int couple = agent - applicants;
                int pair = randomBlockingPair(placement, couple, random);
                if (pair != NONE) {
                    placement.placeCouple(couple, pair);
                    add(agent);
                    steps++;
                }
            }
            if ((steps & 1023) == 0 && steps > 0) {
                progress.progress("random paths (" + label + ")", steps, maxSteps);
            }
        }
    }

    /** One of the entries where the single blocks, each as likely, or NONE. */
    private int randomBlockingEntry(Placement placement, int applicant, SplittableRandom random) {
        int held = placement.assignedEntry[applicant];
        int limit = held == NONE ? instance.applicantRolEnd(applicant) : held;
        int chosen = NONE;
        int seen = 0;
        for (int entry = instance.applicantRolStart(applicant); entry < limit; entry++) {
            // Reservoir sampling: the k-th blocking entry replaces the choice with probability 1/k.
            if (placement.singleTakes(entry) && random.nextInt(++seen) == 0) {
                chosen = entry;
            }
        }
        return chosen;
    }

    /** One of the pairs where the couple blocks, each as likely, or NONE. */
    private int randomBlockingPair(Placement placement, int couple, SplittableRandom random) {
        int held = placement.assignedPair[couple];
        int limit = held == NONE ? instance.couplePairEnd(couple) : held;
        int chosen = NONE;
        int seen = 0;
        for (int pair = instance.couplePairStart(couple); pair < limit; pair++) {
            if (placement.coupleTakes(couple, pair) && random.nextInt(++seen) == 0) {
                chosen = pair;
            }
        }
        return chosen;
    }

    /** Puts every blocking agent among those ranking a stream that lost someone in the pool; returns how many. */
    private int refillPoolFromDirty(Placement placement) {
        for (int i = 0; i < dirtyCount; i++) {
            int program = dirtyPrograms[i];
            isDirty[program] = false;
            for (int j = instance.programRolStart(program); j < instance.programRolEnd(program); j++) {
                int applicant = instance.programRolApplicant(j);
                if (instance.coupleOf(applicant) < 0 && !inPool[applicant]
                        && instance.programRolApplicantEntry(j) != MatchInstance.UNRANKED
                        && placement.firstBlockingEntry(applicant) != NONE) {
                    add(applicant);
                }
            }
            for (int i2 = couplesByProgram.start(program); i2 < couplesByProgram.end(program); i2++) {
                int couple = couplesByProgram.couple(i2);
                if (!inPool[applicants + couple] && placement.firstBlockingPair(couple) != NONE) {
                    add(applicants + couple);
                }
            }
        }
        dirtyCount = 0;
        return poolSize;
    }

    private void clearDirty() {
        for (int i = 0; i < dirtyCount; i++) {
            isDirty[dirtyPrograms[i]] = false;
        }
        dirtyCount = 0;
    }

    /** Puts every blocking agent in the pool; returns how many. */
    private int refillPool(Placement placement) {
        clearDirty();
        for (int a = 0; a < applicants; a++) {
            if (instance.coupleOf(a) < 0 && placement.firstBlockingEntry(a) != NONE) {
                add(a);
            }
        }
        for (int c = 0; c < couples; c++) {
            if (placement.firstBlockingPair(c) != NONE) {
                add(applicants + c);
            }
        }
        return poolSize;
    }

    private void add(int agent) {
        if (inPool[agent]) {
            return;
        }
        if (poolSize == pool.length) {
            pool = java.util.Arrays.copyOf(pool, poolSize * 2);
        }
        inPool[agent] = true;
        pool[poolSize++] = agent;
    }

    @Override
    public void displaced(int agent) {
        add(agent);
    }

    @Override
    public void vacated(int program) {
        // Those who may now block at this stream are looked at when the pool runs dry.
        if (!isDirty[program]) {
            isDirty[program] = true;
            dirtyPrograms[dirtyCount++] = program;
        }
    }
}
