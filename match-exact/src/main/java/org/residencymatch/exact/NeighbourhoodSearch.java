package org.residencymatch.exact;

import java.util.ArrayDeque;
import java.util.Arrays;

import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.audit.AuditReport;
import org.residencymatch.engine.audit.BlockingPair;
import org.residencymatch.engine.audit.StabilityAudit;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ISolver;

import static org.residencymatch.engine.MatchInstance.NO_PROGRAM;
import static org.residencymatch.engine.MatchInstance.UNRANKED;

/**
 * Large-neighbourhood search with the exact model, for instances too large for the exact method:
 * starting from a matching that is not stable (the engine's best), the applicants around its
 * blocking pairs are set free, everyone else keeps their place, and the {@link StabilityModel} of
 * that sub-problem is solved exactly. The fixed applicants are constants of the model, but their
 * stability is still required, so any solution is a stable matching of the <em>whole</em> instance
 * (and is audited as one before it is believed). When the sub-problem has no solution, or the solver
 * gives up on it, the neighbourhood doubles; once it holds every applicant the model is the exact
 * method's, and "unsatisfiable" is a proof that no stable matching exists.
 *
 * <p>The neighbourhood is the first {@code size} applicants met by a breadth-first walk from the
 * blocking pairs over "who could move where": from an applicant (a single, or both members of a
 * couple) to the streams it is at and the streams it prefers to where it is; from a stream to the
 * applicants it holds (they may be displaced) and to those who prefer it to where they are and
 * whom it ranks (they may take a place it frees). Each sub-solve is bounded by a number of solver
 * conflicts, not by time, so that the same instance and start give the same result on any machine;
 * the time limit is looked at between sub-solves.
 */
public final class NeighbourhoodSearch {

    /** The strategy named in the stats of a matching this search found. */
    public static final String STRATEGY = "exact-neighbourhood";

    /** Applicants set free in the first neighbourhood, at the least. */
    public static final int FIRST_SIZE = 64;

    /** Solver conflicts allowed to each sub-problem. */
    public static final int CONFLICTS_PER_SOLVE = 20_000;

    /**
     * What the search found.
     *
     * @param verdict            {@code STABLE_MATCHING_FOUND}; {@code NO_STABLE_MATCHING} only when the
     *                           last neighbourhood held every applicant; else {@code UNKNOWN}
     * @param programOfApplicant the stable matching found, or {@code null}
     * @param neighbourhoods     sub-problems solved
     * @param freeApplicants     applicants set free in the last one
     * @param variables          variables of the last model
     * @param constraints        constraints of the last model
     * @param elapsedMillis      time of the whole search
     * @param steps              each sub-problem's free applicants and verdict, e.g. {@code "64 unknown, 128 stable"}
     */
    public record Outcome(ExactMatcher.Verdict verdict, int[] programOfApplicant, int neighbourhoods, int freeApplicants,
            int variables, int constraints, long elapsedMillis, String steps) {

        /** The same, as the exact method's outcome (what {@link ExactFallback} reports). */
        public ExactMatcher.Outcome asExactOutcome() {
            return new ExactMatcher.Outcome(verdict, programOfApplicant, variables, constraints, elapsedMillis);
        }
    }

    private NeighbourhoodSearch() {
    }

    /**
     * Searches for a stable matching near {@code start}.
     *
     * @param start           a matching of the instance (stream per applicant, -1 unmatched)
     * @param timeLimitMillis no new sub-problem is started after this
     */
    public static Outcome search(MatchInstance instance, int[] start, long timeLimitMillis) {
        return search(instance, start, timeLimitMillis, FIRST_SIZE, CONFLICTS_PER_SOLVE);
    }

    /**
     * The same with its two settings given (the benchmarks try others).
     *
     * @param firstSize         applicants free in the first sub-problem, at the least
     * @param conflictsPerSolve solver conflicts allowed to each sub-problem
     */
    public static Outcome search(MatchInstance instance, int[] start, long timeLimitMillis, int firstSize, int conflictsPerSolve) {
        long started = System.nanoTime();
        long deadline = started + timeLimitMillis * 1_000_000;
        AuditReport audit = StabilityAudit.audit(instance, start);
        if (!audit.valid()) {
            throw new IllegalArgumentException("the start is not a matching of the instance: " + audit.violations());
        }
        if (audit.stable()) {
            return new Outcome(ExactMatcher.Verdict.STABLE_MATCHING_FOUND, start.clone(), 0, 0, 0, 0, millisSince(started), "");
        }
        Walk walk = new Walk(instance, start, audit);
        int applicants = instance.applicantCount();
        int size = Math.min(applicants, Math.max(firstSize, 4 * walk.seedApplicants()));
        int neighbourhoods = 0;
        StringBuilder steps = new StringBuilder();
        while (true) {
            boolean[] free = walk.firstApplicants(size);
            int freeCount = count(free);
            ISolver solver = SolverFactory.newDefault();
            solver.setTimeoutOnConflicts(conflictsPerSolve);
            ExactMatcher.Outcome last = ExactMatcher.solve(new StabilityModel(instance, start, free), solver, System.nanoTime());
            neighbourhoods++;
            steps.append(steps.length() == 0 ? "" : ", ").append(freeCount).append(' ').append(last.verdict().id());
            if (last.verdict() == ExactMatcher.Verdict.STABLE_MATCHING_FOUND) {
                // Never trusted on its own: the audit decides.
                if (!StabilityAudit.audit(instance, last.programOfApplicant()).stable()) {
                    throw new IllegalStateException("the model's solution is not stable by the audit: the model is wrong");
                }
                return new Outcome(last.verdict(), last.programOfApplicant(), neighbourhoods, freeCount, last.variables(),
                        last.constraints(), millisSince(started), steps.toString());
            }
            boolean everyone = freeCount == applicants;
            if (everyone && last.verdict() == ExactMatcher.Verdict.NO_STABLE_MATCHING) {
                return new Outcome(last.verdict(), null, neighbourhoods, freeCount, last.variables(), last.constraints(),
                        millisSince(started), steps.toString());
            }
            if (everyone || System.nanoTime() >= deadline) {
                return new Outcome(ExactMatcher.Verdict.UNKNOWN, null, neighbourhoods, freeCount, last.variables(),
                        last.constraints(), millisSince(started), steps.toString());
            }
            size = (int) Math.min(applicants, 2L * Math.max(size, freeCount));
        }
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean flag : flags) {
            n += flag ? 1 : 0;
        }
        return n;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The breadth-first walk from the blocking pairs, in a fixed order. */
    private static final class Walk {
        private final MatchInstance instance;
        private final int[] programOf;
        /** Applicants in the order the walk meets them (a couple's two members together). */
        private final int[] order;
        private int met;
        private final int seedApplicants;

        Walk(MatchInstance instance, int[] programOf, AuditReport audit) {
            this.instance = instance;
            this.programOf = programOf;
            this.order = new int[instance.applicantCount()];
            boolean[] seen = new boolean[instance.applicantCount()];
            boolean[] streamSeen = new boolean[instance.programCount()];
            ArrayDeque<Integer> streams = new ArrayDeque<>();
            for (BlockingPair pair : audit.blocking()) {
                int applicant = pair.kind() == BlockingPair.Kind.SINGLE
                        ? instance.applicantIndex(pair.id())
                        : instance.coupleFirst(instance.coupleIndex(pair.id()));
                if (!seen[applicant]) {
                    meet(applicant, seen, streamSeen, streams);
                }
                for (String program : pair.programs()) {
                    if (program != null) {
                        enqueue(instance.programIndex(program), streamSeen, streams);
                    }
                }
            }
            this.seedApplicants = met;
            while (!streams.isEmpty() && met < order.length) {
                int p = streams.poll();
                // In the stream's own order: whom it holds (may be displaced), and who would take a place it frees.
                for (int j = instance.programRolStart(p); j < instance.programRolEnd(p); j++) {
                    int a = instance.programRolApplicant(j);
                    if (!seen[a] && (programOf[a] == p || prefers(a, p))) {
                        meet(a, seen, streamSeen, streams);
                    }
                }
            }
        }

        int seedApplicants() {
            return seedApplicants;
        }

        /** The first {@code size} applicants met (a couple never split), or every one met. */
        boolean[] firstApplicants(int size) {
            boolean[] free = new boolean[instance.applicantCount()];
            for (int i = 0; i < met && i < size; i++) {
                free[order[i]] = true;
            }
            // A couple's members are met one after the other: the cut may fall between them.
            if (size > 0 && size < met) {
                int couple = instance.coupleOf(order[size - 1]);
                if (couple >= 0) {
                    free[instance.coupleFirst(couple)] = true;
                    free[instance.coupleSecond(couple)] = true;
                }
            }
            if (size >= instance.applicantCount()) {
                Arrays.fill(free, true); // applicants the walk never reached are free too
            }
            return free;
        }

        private void meet(int applicant, boolean[] seen, boolean[] streamSeen, ArrayDeque<Integer> streams) {
            int couple = instance.coupleOf(applicant);
            if (couple < 0) {
                seen[applicant] = true;
                order[met++] = applicant;
                enqueueIfProgram(programOf[applicant], streamSeen, streams);
                for (int e = instance.applicantRolStart(applicant); e < instance.applicantRolEnd(applicant); e++) {
                    int p = instance.applicantRolProgram(e);
                    if (p == programOf[applicant]) {
                        break;
                    }
                    if (instance.applicantRolProgramRank(e) != UNRANKED) {
                        enqueue(p, streamSeen, streams);
                    }
                }
                return;
            }
            int first = instance.coupleFirst(couple);
            int second = instance.coupleSecond(couple);
            seen[first] = true;
            seen[second] = true;
            order[met++] = first;
            order[met++] = second;
            enqueueIfProgram(programOf[first], streamSeen, streams);
            enqueueIfProgram(programOf[second], streamSeen, streams);
            for (int k = instance.couplePairStart(couple); k < instance.couplePairEnd(couple); k++) {
                int p1 = instance.pairFirstProgram(k);
                int p2 = instance.pairSecondProgram(k);
                if (holds(first, p1) && holds(second, p2)) {
                    break;
                }
                if ((p1 == NO_PROGRAM || instance.pairFirstRank(k) != UNRANKED)
                        && (p2 == NO_PROGRAM || instance.pairSecondRank(k) != UNRANKED)) {
                    enqueueIfProgram(p1, streamSeen, streams);
                    enqueueIfProgram(p2, streamSeen, streams);
                }
            }
        }

        private boolean holds(int member, int pairSide) {
            return programOf[member] == (pairSide == NO_PROGRAM ? -1 : pairSide);
        }

        /** Whether the applicant (single, or a couple member by one of its pairs) prefers stream p to where it is. */
        private boolean prefers(int applicant, int p) {
            int couple = instance.coupleOf(applicant);
            if (couple < 0) {
                for (int e = instance.applicantRolStart(applicant); e < instance.applicantRolEnd(applicant); e++) {
                    int q = instance.applicantRolProgram(e);
                    if (q == programOf[applicant]) {
                        return false;
                    }
                    if (q == p) {
                        return true;
                    }
                }
                return false;
            }
            int first = instance.coupleFirst(couple);
            int second = instance.coupleSecond(couple);
            for (int k = instance.couplePairStart(couple); k < instance.couplePairEnd(couple); k++) {
                int p1 = instance.pairFirstProgram(k);
                int p2 = instance.pairSecondProgram(k);
                if (holds(first, p1) && holds(second, p2)) {
                    return false;
                }
                if ((applicant == first ? p1 : p2) == p) {
                    return true;
                }
            }
            return false;
        }

        private static void enqueueIfProgram(int p, boolean[] streamSeen, ArrayDeque<Integer> streams) {
            if (p >= 0) {
                enqueue(p, streamSeen, streams);
            }
        }

        private static void enqueue(int p, boolean[] streamSeen, ArrayDeque<Integer> streams) {
            if (!streamSeen[p]) {
                streamSeen[p] = true;
                streams.add(p);
            }
        }
    }
}
