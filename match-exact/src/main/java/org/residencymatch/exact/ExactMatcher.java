package org.residencymatch.exact;

import org.residencymatch.engine.MatchInstance;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/**
 * Decides exactly whether an instance has a stable matching, in the match format's sense, and
 * finds one: the {@link StabilityModel} solved by Sat4j's CDCL solver. An answer of
 * {@link Verdict#NO_STABLE_MATCHING} is a proof (the model has no solution), not a failure to find.
 *
 * <p>Meant for small instances (up to a few hundred applicants: the model grows with the streams'
 * list lengths times their quotas); a time limit bounds the search, after which the verdict is
 * {@link Verdict#UNKNOWN}. Sat4j is used unmodified as a library (EPL 1.0 / LGPL 2.1).
 */
public final class ExactMatcher {

    /** What the exact method concluded. */
    public enum Verdict {
        /** A stable matching exists; the result carries one. */
        STABLE_MATCHING_FOUND("stable"),
        /** No stable matching exists: the model is unsatisfiable. */
        NO_STABLE_MATCHING("no-stable-matching"),
        /** The time limit passed before the solver decided. */
        UNKNOWN("unknown");

        private final String id;

        Verdict(String id) {
            this.id = id;
        }

        /** The name written in results, e.g. {@code "no-stable-matching"}. */
        public String id() {
            return id;
        }
    }

    /**
     * What the exact method found.
     *
     * @param verdict            the conclusion
     * @param programOfApplicant the stable matching found (stream per applicant, -1 unmatched), or
     *                           {@code null} when none was found
     * @param variables          variables of the model
     * @param constraints        clauses and cardinality constraints of the model
     * @param elapsedMillis      time to build and solve
     */
    public record Outcome(Verdict verdict, int[] programOfApplicant, int variables, int constraints, long elapsedMillis) {
    }

    /** Applicants above which {@code match run --exact} refuses: the model would be too large to be quick. */
    public static final int MAX_APPLICANTS = 1_000;

    private ExactMatcher() {
    }

    /**
     * Solves the instance.
     *
     * @param timeLimitMillis time allowed to the solver (at least 1 ms)
     */
    public static Outcome solve(MatchInstance instance, long timeLimitMillis) {
        long started = System.nanoTime();
        ISolver solver = SolverFactory.newDefault();
        solver.setTimeoutMs(Math.max(1, timeLimitMillis));
        return solve(new StabilityModel(instance), solver, started);
    }

    static Outcome solve(StabilityModel model, ISolver solver, long started) {
        int constraints = model.clauses().size() + model.atMost().size();
        try {
            load(model, solver);
            if (!solver.isSatisfiable()) {
                return new Outcome(Verdict.NO_STABLE_MATCHING, null, model.variables(), constraints, millisSince(started));
            }
        } catch (ContradictionException trivial) {
            // Unsatisfiable already while the constraints were added (a contradicting unit clause).
            return new Outcome(Verdict.NO_STABLE_MATCHING, null, model.variables(), constraints, millisSince(started));
        } catch (TimeoutException timeout) {
            return new Outcome(Verdict.UNKNOWN, null, model.variables(), constraints, millisSince(started));
        }
        return new Outcome(Verdict.STABLE_MATCHING_FOUND, decode(model, solver), model.variables(), constraints,
                millisSince(started));
    }

    /** Hands the model's variables and constraints to the solver. */
    static void load(StabilityModel model, ISolver solver) throws ContradictionException {
        solver.newVar(model.variables());
        for (int[] clause : model.clauses()) {
            solver.addClause(new VecInt(clause));
        }
        for (StabilityModel.AtMost limit : model.atMost()) {
            solver.addAtMost(new VecInt(limit.literals()), limit.degree());
        }
    }

    /** The matching of the solver's last model. */
    static int[] decode(StabilityModel model, ISolver solver) {
        boolean[] value = new boolean[model.variables() + 1];
        for (int literal : solver.model()) {
            if (literal > 0) {
                value[literal] = true;
            }
        }
        return model.decode(value);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
