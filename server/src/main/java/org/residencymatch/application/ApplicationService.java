package org.residencymatch.application;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.catalogue.CatalogueEntry;
import org.residencymatch.catalogue.CatalogueService;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.CycleRepository;
import org.residencymatch.cycle.Phase;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.eligibility.EligibilityDecision;

/**
 * Program selection: an applicant applies only to streams that are SELECTABLE for them at that
 * moment (checked here, on the server), during the iteration's program selection phase. A later list
 * change never deletes an application: it flags it for the operator.
 */
public final class ApplicationService {

    private final Jdbi jdbi;
    private final CycleRepository cycles;
    private final CatalogueService catalogue;
    private final AuditLog auditLog;
    private final Clock clock;

    public ApplicationService(Jdbi jdbi, CycleRepository cycles, CatalogueService catalogue, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.cycles = cycles;
        this.catalogue = catalogue;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    Cycle cycle(String cycleId) {
        return cycles.find(cycleId).orElseThrow(() -> new NotFoundException("cycle", cycleId));
    }

    public void apply(String cycleId, int iteration, String applicantId, String streamId, String actor) {
        LocalDateTime now = LocalDateTime.now(clock);
        cycle(cycleId).requirePhase(iteration, now, "Program selection", Phase.PROGRAM_SELECTION);
        CatalogueEntry entry = catalogue.explain(cycleId, applicantId, streamId, iteration);
        if (entry.decision().decision() != Decision.SELECTABLE) {
            throw new ConflictException("NOT_SELECTABLE", "stream " + streamId + " is " + entry.decision().decision()
                    + " for applicant " + applicantId + ": " + String.join(", ", entry.decision().reasonCodes()));
        }
        if (iteration == 2) requireMayEnterSecondIteration(cycleId, applicantId);
        jdbi.useTransaction(h -> {
            String status = h.createQuery("SELECT status FROM application WHERE cycle_id = :c AND iteration = :i AND applicant_id = :a AND stream_id = :s")
                    .bind("c", cycleId).bind("i", iteration).bind("a", applicantId).bind("s", streamId).mapTo(String.class).findOne().orElse(null);
            if ("ACTIVE".equals(status)) return;
            if (status == null) {
                h.execute("INSERT INTO application (cycle_id, iteration, applicant_id, stream_id, status, applied_at) VALUES (?, ?, ?, ?, 'ACTIVE', ?)",
                        cycleId, iteration, applicantId, streamId, now);
            } else {
                h.execute("UPDATE application SET status = 'ACTIVE', applied_at = ?, withdrawn_at = NULL, flag_code = NULL, flagged_at = NULL "
                        + "WHERE cycle_id = ? AND iteration = ? AND applicant_id = ? AND stream_id = ?", now, cycleId, iteration, applicantId, streamId);
            }
            auditLog.record(h, actor, "application.created", "applicant:" + applicantId, cycleId + "/" + iteration + " stream " + streamId);
        });
    }

    /**
     * Who may enter the second iteration: not an applicant matched in the first; and an applicant still
     * in the first (a non-empty rank order list in force there) only once the first's results are out.
     * Withdrawing from the first means submitting an empty list before its deadline.
     */
    private void requireMayEnterSecondIteration(String cycleId, String applicantId) {
        jdbi.useHandle(h -> {
            Long released = h.createQuery("SELECT id FROM match_run WHERE cycle_id = :c AND iteration = 1 AND released_at IS NOT NULL")
                    .bind("c", cycleId).mapTo(Long.class).findFirst().orElse(null);
            if (released != null) {
                boolean matched = h.createQuery("SELECT COUNT(*) FROM match_assignment WHERE run_id = :r AND applicant_id = :a AND stream_id IS NOT NULL")
                        .bind("r", released).bind("a", applicantId).mapTo(Integer.class).one() > 0;
                if (matched) throw new ConflictException("MATCHED_IN_FIRST_ITERATION", "applicant " + applicantId + " matched in the first iteration and cannot enter the second");
                return;
            }
            Integer ranked = h.createQuery("SELECT (SELECT COUNT(*) FROM rank_list_entry e WHERE e.rank_list_id = r.id) FROM rank_list r "
                            + "WHERE r.cycle_id = :c AND r.iteration = 1 AND r.owner_kind = 'APPLICANT' AND r.owner_id = :a AND r.status = 'SUBMITTED' "
                            + "ORDER BY r.version DESC")
                    .bind("c", cycleId).bind("a", applicantId).setMaxRows(1).mapTo(Integer.class).findFirst().orElse(0);
            if (ranked > 0) {
                throw new ConflictException("ACTIVE_IN_FIRST_ITERATION", "applicant " + applicantId + " is in the first iteration (a rank order list is in force);"
                        + " they can enter the second after the first's match day, or had to withdraw (submit an empty list) before its deadline");
            }
        });
    }

    public void withdraw(String cycleId, int iteration, String applicantId, String streamId, String actor) {
        LocalDateTime now = LocalDateTime.now(clock);
        cycle(cycleId).requirePhase(iteration, now, "Changing applications", Phase.PROGRAM_SELECTION);
        jdbi.useTransaction(h -> {
            int changed = h.execute("UPDATE application SET status = 'WITHDRAWN', withdrawn_at = ? "
                    + "WHERE cycle_id = ? AND iteration = ? AND applicant_id = ? AND stream_id = ? AND status = 'ACTIVE'",
                    now, cycleId, iteration, applicantId, streamId);
            if (changed == 0) throw new NotFoundException("application to stream", streamId);
            auditLog.record(h, actor, "application.withdrawn", "applicant:" + applicantId, cycleId + "/" + iteration + " stream " + streamId);
        });
    }

    public List<Application> applicationsOf(String cycleId, int iteration, String applicantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM application WHERE cycle_id = :c AND iteration = :i AND applicant_id = :a ORDER BY applied_at, stream_id")
                .bind("c", cycleId).bind("i", iteration).bind("a", applicantId).map((rs, ctx) -> row(rs)).list());
    }

    /** The active applicants of a stream: the only ones its program may rank. */
    public List<String> applicantsOf(String cycleId, int iteration, String streamId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT applicant_id FROM application WHERE cycle_id = :c AND iteration = :i AND stream_id = :s "
                        + "AND status = 'ACTIVE' ORDER BY applicant_id")
                .bind("c", cycleId).bind("i", iteration).bind("s", streamId).mapTo(String.class).list());
    }

    /** Applications flagged because a list change made their stream non-selectable, for the operator. */
    public List<Application> flagged(String cycleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM application WHERE cycle_id = :c AND status = 'ACTIVE' AND flag_code IS NOT NULL "
                        + "ORDER BY flagged_at, applicant_id").bind("c", cycleId).map((rs, ctx) -> row(rs)).list());
    }

    /**
     * Re-checks the active applications of these applicants after a list change, in the change's
     * transaction ({@code decide} must see the data as that transaction does): a stream that is no
     * longer selectable is flagged (never removed), one that is selectable again is unflagged. One
     * query reads the applications, whatever the number of applicants.
     */
    public void reflag(Handle h, String cycleId, java.util.Set<String> applicantIds, java.util.function.Function<Application, EligibilityDecision> decide) {
        if (applicantIds.isEmpty()) return;
        LocalDateTime now = LocalDateTime.now(clock);
        List<Application> active = h.createQuery("SELECT * FROM application WHERE cycle_id = :c AND status = 'ACTIVE'")
                .bind("c", cycleId).map((rs, ctx) -> row(rs)).filter(a -> applicantIds.contains(a.applicantId())).list();
        var update = h.prepareBatch("UPDATE application SET flag_code = ?, flagged_at = ? WHERE cycle_id = ? AND iteration = ? AND applicant_id = ? AND stream_id = ?");
        int changed = 0;
        for (Application a : active) {
            EligibilityDecision decision = decide.apply(a);
            String flag = decision.decision() == Decision.SELECTABLE ? null : truncate(String.join(",", decision.reasonCodes()));
            if (java.util.Objects.equals(flag, a.flagCode())) continue;
            update.add(flag, flag == null ? null : now, cycleId, a.iteration(), a.applicantId(), a.streamId());
            auditLog.record(h, "system", flag == null ? "application.unflagged" : "application.flagged", "applicant:" + a.applicantId(),
                    "stream " + a.streamId() + (flag == null ? "" : ": " + flag));
            changed++;
        }
        if (changed > 0) update.execute();
    }

    private static String truncate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60);
    }

    private static Application row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Application(rs.getString("cycle_id"), rs.getInt("iteration"), rs.getString("applicant_id"), rs.getString("stream_id"),
                rs.getString("status"), rs.getObject("applied_at", LocalDateTime.class), rs.getString("flag_code"));
    }
}
