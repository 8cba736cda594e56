package org.residencymatch.engine.algorithm;

import java.util.SplittableRandom;

import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.ProgressListener;

/**
 * Random paths to stability (Roth and Vande Vate, "Random paths to stability in two-sided
 * matching", Econometrica 58(6), 1990), from a given matching: repeatedly pick one blocking agent
 * at random and satisfy its blocking pair (it moves to the best entry of its list where it is
 * taken; whoever is displaced is left unassigned, a couple as a whole). Without couples such a path
 * reaches a stable matching with probability one; with couples a stable matching may not exist and
 * the walk may not reach one, so it is bounded by a number of steps and the time budget.
 *
 * <p>The agents known to block are kept in a pool: the chosen one is checked again before it moves
 * (the matching changed since it was found), the displaced join the pool, and when the pool is empty
 * every agent is examined again; a walk ends stable only when that full examination finds nobody.
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

    RandomPathsMatcher(MatchInstance instance, Budget budget, ProgressListener progress) {
        this.instance = instance;
        this.applicants = instance.applicantCount();
        this.couples = instance.coupleCount();
        this.budget = budget;
        this.progress = progress;
        this.inPool = new boolean[applicants + couples];
    }

    /**
     * Walks from the matching in {@code placement} for at most {@code maxSteps} satisfied blocking
     * pairs; leaves the stable matching reached, or the best one met, in the placement.
     */
    AttemptOutcome run(Placement placement, SplittableRandom random, long maxSteps, String label) {
        placement.setListener(this);
        poolSize = 0;
        java.util.Arrays.fill(inPool, false);
        Placement best = new Placement(instance, this);
        best.copyFrom(placement);
        long bestBlocking = Long.MAX_VALUE;
        int bestMatched = -1;
        long steps = 0;
        long proposals = 0;
        while (true) {
            if (poolSize == 0) {
                int blocking = refillPool(placement);
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
                int entry = placement.firstBlockingEntry(agent);
                if (entry != NONE) {
                    placement.placeSingle(agent, entry);
                    steps++;
                }
            } else {
                int couple = agent - applicants;
                int pair = placement.firstBlockingPair(couple);
                if (pair != NONE) {
                    placement.placeCouple(couple, pair);
                    steps++;
                }
            }
            if ((steps & 1023) == 0 && steps > 0) {
                progress.progress("random paths (" + label + ")", steps, maxSteps);
            }
        }
    }

    /** Puts every blocking agent in the pool; returns how many. */
    private int refillPool(Placement placement) {
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
        // Those who may now block at this stream are found when the pool runs dry.
    }
}
