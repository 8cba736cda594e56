package org.residencymatch.engine.algorithm;

import java.util.SplittableRandom;

import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchOptions;
import org.residencymatch.engine.ProgressListener;

/**
 * Runs the couples strategies in a fixed order with seeded restarts and returns the first stable
 * matching found, or, when none is found within the bounds, the best matching seen (fewest blocking
 * pairs, as the audit counts them, then most applicants matched).
 *
 * <p>Without couples, deferred acceptance alone gives the applicant-optimal stable matching and
 * nothing else runs. With couples, the attempts go in rounds. The first round tries, in this order:
 * <ol>
 *   <li>{@link KojimaPathakRothMatcher Kojima–Pathak–Roth} as written, with the singles and couples
 *       in declaration order (cheap, and it settles on about half of the hard instances);</li>
 *   <li>Kojima–Pathak–Roth with <em>randomized re-application passes</em>: each pass of step 4
 *       goes in an order shuffled by the seed, and whoever is displaced during a pass applies on
 *       down from where it stood, as in deferred acceptance, rather than from the top again (so a
 *       pass cannot chase its own tail; vacancies it leaves above someone are the next pass's). On
 *       the hard instances this settles far more often than the algorithm as written, including on
 *       most of those where the latter went round in every order tried (docs/BENCHMARKS.md);</li>
 *   <li>{@link RothPeransonMatcher Roth–Peranson} with the couples entering in the current order;</li>
 *   <li>{@link RandomPathsMatcher random paths} from the best matching seen so far;</li>
 *   <li>random paths from the empty matching (another region of the matchings: some stable
 *       matchings are out of reach of every applicant-proposing order).</li>
 * </ol>
 * Later rounds shuffle the singles' and couples' orders by the seed and try the randomized
 * Kojima–Pathak–Roth twice, then the last three, until a strategy settles,
 * {@link MatchOptions#maxAttempts()} attempts are spent, or the time budget passes. Every draw comes
 * from one {@link SplittableRandom} seeded by the caller's seed, and every bound but the time budget
 * counts work, not time: the same instance and seed give the same matching, on any machine, unless
 * the time budget cuts the run short (the outcome says so).
 */
public final class CouplesPortfolio {

    /** KPR attempts stop once an agent has applied to the same entry this often (as in the public code). */
    static final int KPR_MAX_APPLICATIONS_PER_ENTRY = 100;
    /** Random-path steps per round of {@link MatchOptions#maxRoundsPerAttempt()}. */
    static final int RANDOM_PATH_STEPS_PER_ROUND = 40;
    /** ... and at most this many per single applicant or couple. */
    static final int RANDOM_PATH_STEPS_PER_AGENT = 200;

    /** The kinds of attempt of a round. */
    private enum Attempt {
        KPR(Strategy.KOJIMA_PATHAK_ROTH), KPR_RANDOMIZED_PASSES(Strategy.KOJIMA_PATHAK_ROTH), ROTH_PERANSON(
                Strategy.ROTH_PERANSON), PATHS_FROM_BEST(Strategy.RANDOM_PATHS), PATHS_FROM_EMPTY(Strategy.RANDOM_PATHS);

        final Strategy strategy;

        Attempt(Strategy strategy) {
            this.strategy = strategy;
        }
    }

    /** The first round: KPR as written first, in declaration order (the result most runs end with). */
    private static final Attempt[] FIRST_ROUND = {Attempt.KPR, Attempt.KPR_RANDOMIZED_PASSES, Attempt.ROTH_PERANSON,
            Attempt.PATHS_FROM_BEST, Attempt.PATHS_FROM_EMPTY};
    /** Later rounds, in shuffled orders: the randomized KPR, the one that settles most, twice. */
    private static final Attempt[] LATER_ROUNDS = {Attempt.KPR_RANDOMIZED_PASSES, Attempt.KPR_RANDOMIZED_PASSES,
            Attempt.ROTH_PERANSON, Attempt.PATHS_FROM_BEST, Attempt.PATHS_FROM_EMPTY};

    private CouplesPortfolio() {
    }

    /**
     * Matches the instance.
     *
     * @param seed    seeds the orders of later rounds and the random paths; without couples, or when
     *                the first attempt settles, the result does not depend on it
     * @param options bounds, time budget and progress reports
     */
    public static MatchingOutcome match(MatchInstance instance, long seed, MatchOptions options) {
        Budget budget = Budget.ofMillis(options.timeBudgetMillis());
        ProgressListener progress = options.progress();
        if (instance.coupleCount() == 0) {
            MatchingOutcome singles = RothPeransonMatcher.attempt(instance, new int[0], new SplittableRandom(seed),
                    options.maxRoundsPerAttempt(), budget, progress, "singles");
            return new MatchingOutcome(singles.programOfApplicant(), true, 1, 0, singles.proposals(), false,
                    Strategy.DEFERRED_ACCEPTANCE, false);
        }
        return new Run(instance, seed, options, budget).run();
    }

    /** The state of one portfolio run. */
    private static final class Run {
        private final MatchInstance instance;
        private final MatchOptions options;
        private final Budget budget;
        private final SplittableRandom random;
        private final int[] singlesOrder;
        private final int[] couplesOrder;
        private final Placement placement;
        private KojimaPathakRothMatcher kpr;
        private RandomPathsMatcher randomPaths;
        private CouplesByProgram couplesByProgram;

        private int[] best;
        private long bestBlocking = Long.MAX_VALUE;
        private int bestMatched = -1;
        private Strategy bestStrategy;
        private long rounds;
        private long proposals;
        private boolean cycleDetected;

        Run(MatchInstance instance, long seed, MatchOptions options, Budget budget) {
            this.instance = instance;
            this.options = options;
            this.budget = budget;
            this.random = new SplittableRandom(seed);
            int singles = 0;
            for (int a = 0; a < instance.applicantCount(); a++) {
                if (instance.coupleOf(a) < 0) {
                    singles++;
                }
            }
            this.singlesOrder = new int[singles];
            for (int a = 0, i = 0; a < instance.applicantCount(); a++) {
                if (instance.coupleOf(a) < 0) {
                    singlesOrder[i++] = a;
                }
            }
            this.couplesOrder = new int[instance.coupleCount()];
            for (int c = 0; c < couplesOrder.length; c++) {
                couplesOrder[c] = c;
            }
            this.placement = new Placement(instance, null);
        }

        MatchingOutcome run() {
            int attempt = 0;
            // At least one attempt, whatever the budget: a run always returns a matching.
            for (int round = 0; attempt < options.maxAttempts() && (attempt == 0 || !budget.exhausted()); round++) {
                if (round > 0) {
                    shuffle(singlesOrder);
                    shuffle(couplesOrder);
                }
                for (Attempt kind : round == 0 ? FIRST_ROUND : LATER_ROUNDS) {
                    if (attempt >= options.maxAttempts() || (attempt > 0 && budget.exhausted())) {
                        break;
                    }
                    attempt++;
                    String label = "attempt " + attempt;
                    boolean stable = switch (kind) {
                        case KPR -> runKpr(label, false);
                        case KPR_RANDOMIZED_PASSES -> runKpr(label, true);
                        case ROTH_PERANSON -> runRothPeranson(label);
                        case PATHS_FROM_BEST -> runRandomPaths(label, true);
                        case PATHS_FROM_EMPTY -> runRandomPaths(label, false);
                    };
                    if (stable) {
                        return new MatchingOutcome(placement.programOf.clone(), true, attempt, rounds, proposals,
                                cycleDetected, kind.strategy, false);
                    }
                    remember(kind.strategy);
                }
            }
            return new MatchingOutcome(best, false, attempt, rounds, proposals, cycleDetected, bestStrategy,
                    budget.exhausted());
        }

        private boolean runKpr(String label, boolean randomizedPasses) {
            if (kpr == null) {
                kpr = new KojimaPathakRothMatcher(instance, couplesByProgram(), budget, options.progress(),
                        KPR_MAX_APPLICATIONS_PER_ENTRY);
            }
            // The randomized passes shuffle the orders in place: the next attempt starts from them.
            AttemptOutcome outcome = randomizedPasses
                    ? kpr.run(placement, singlesOrder, couplesOrder, random, true, label)
                    : kpr.run(placement, singlesOrder, couplesOrder, label);
            count(outcome.rounds(), outcome.proposals(), outcome.cycleDetected());
            return outcome.stable();
        }

        private boolean runRothPeranson(String label) {
            MatchingOutcome outcome = RothPeransonMatcher.attempt(instance, couplesOrder, random,
                    options.maxRoundsPerAttempt(), budget, options.progress(), label);
            count(outcome.rounds(), outcome.proposals(), outcome.cycleDetected());
            placement.load(outcome.programOfApplicant());
            return outcome.converged();
        }

        private boolean runRandomPaths(String label, boolean fromBest) {
            if (randomPaths == null) {
                randomPaths = new RandomPathsMatcher(instance, couplesByProgram(), budget, options.progress());
            }
            if (fromBest && best != null) {
                placement.load(best);
            } else {
                placement.clear();
            }
            // Long enough to cross a small instance many times over; bounded for large ones.
            long agents = instance.applicantCount() - instance.coupleCount();
            long maxSteps = Math.min((long) options.maxRoundsPerAttempt() * RANDOM_PATH_STEPS_PER_ROUND,
                    RANDOM_PATH_STEPS_PER_AGENT * agents);
            AttemptOutcome outcome = randomPaths.run(placement, random, maxSteps, label);
            count(outcome.rounds(), outcome.proposals(), outcome.cycleDetected());
            return outcome.stable();
        }

        private CouplesByProgram couplesByProgram() {
            if (couplesByProgram == null) {
                couplesByProgram = new CouplesByProgram(instance);
            }
            return couplesByProgram;
        }

        private void count(long attemptRounds, long attemptProposals, boolean cycle) {
            rounds += attemptRounds;
            proposals += attemptProposals;
            cycleDetected |= cycle;
        }

        /** Keeps the attempt's matching if it is the best seen: fewest blocking pairs, then most matched. */
        private void remember(Strategy strategy) {
            long blocking = placement.blockingPairs();
            int matched = placement.matchedCount();
            if (blocking < bestBlocking || (blocking == bestBlocking && matched > bestMatched)) {
                bestBlocking = blocking;
                bestMatched = matched;
                best = placement.programOf.clone();
                bestStrategy = strategy;
            }
        }

        private void shuffle(int[] order) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
    }
}
