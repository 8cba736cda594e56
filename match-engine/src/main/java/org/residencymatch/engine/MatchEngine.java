package org.residencymatch.engine;

import org.residencymatch.engine.algorithm.CouplesPortfolio;
import org.residencymatch.engine.algorithm.MatchingOutcome;
import org.residencymatch.engine.audit.AuditReport;
import org.residencymatch.engine.audit.StabilityAudit;

/**
 * Runs a match: applicant-proposing deferred acceptance, and with couples the portfolio of couples
 * strategies (Kojima–Pathak–Roth, Roth–Peranson, random paths; see {@link CouplesPortfolio}),
 * followed by the independent stability audit whose verdict the result carries.
 *
 * <pre>{@code
 * MatchResult result = new MatchEngine().run(instance, 42L);
 * result.assignments();   // applicant id -> stream id or null
 * result.stable();        // the audit's verdict
 * result.blocking();      // what blocks, when not stable
 * }</pre>
 *
 * The engine holds no mutable state: one engine may run any number of instances at once from
 * several threads. The same instance and seed always give the same result.
 */
public final class MatchEngine {

    private final MatchOptions options;

    /** An engine with {@link MatchOptions#defaults()}. */
    public MatchEngine() {
        this(MatchOptions.defaults());
    }

    public MatchEngine(MatchOptions options) {
        this.options = options;
    }

    /**
     * Matches the instance and audits the result.
     *
     * @param instance the instance
     * @param seed     seeds the orders and random paths tried when the first attempt does not
     *                 settle; without couples, or when the first attempt settles, the result does
     *                 not depend on it
     */
    /**
     * Audits a matching made elsewhere (e.g. by an exact solver) and wraps it as a result, with the
     * given strategy name in its stats.
     *
     * @param programOfApplicant stream index per applicant index, {@code -1} when unmatched
     */
    public static MatchResult resultOf(MatchInstance instance, int[] programOfApplicant, String strategy, long elapsedMillis) {
        AuditReport audit = StabilityAudit.audit(instance, programOfApplicant);
        int matched = 0;
        for (int program : programOfApplicant) {
            if (program >= 0) {
                matched++;
            }
        }
        MatchStats stats = new MatchStats(instance.applicantCount(), matched, instance.totalPositions(), matched,
                elapsedMillis, instance.coupleCount(), 1, 0, 0, audit.stable(), false, strategy, false);
        return new MatchResult(instance, programOfApplicant, audit, stats);
    }

    public MatchResult run(MatchInstance instance, long seed) {
        long started = System.nanoTime();
        MatchingOutcome outcome = CouplesPortfolio.match(instance, seed, options);
        options.progress().progress("audit", 0, 1);
        AuditReport audit = StabilityAudit.audit(instance, outcome.programOfApplicant());
        options.progress().progress("audit", 1, 1);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        int matched = 0;
        for (int program : outcome.programOfApplicant()) {
            if (program >= 0) {
                matched++;
            }
        }
        MatchStats stats = new MatchStats(instance.applicantCount(), matched, instance.totalPositions(), matched,
                elapsedMillis, instance.coupleCount(), outcome.attempts(), outcome.rounds(), outcome.proposals(),
                outcome.converged(), outcome.cycleDetected(), outcome.strategy().id(), outcome.budgetExhausted());
        return new MatchResult(instance, outcome.programOfApplicant(), audit, stats);
    }
}
