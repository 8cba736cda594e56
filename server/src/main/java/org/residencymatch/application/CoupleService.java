package org.residencymatch.application;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.cycle.CycleAction;

/**
 * Couples link by mutual consent: one applicant proposes, the other accepts; either may dissolve the
 * couple before the rank order list deadline. An applicant is in at most one live couple per iteration.
 */
public final class CoupleService {

    private final Jdbi jdbi;
    private final ApplicationService applications;
    private final AuditLog auditLog;
    private final Clock clock;

    public CoupleService(Jdbi jdbi, ApplicationService applications, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.applications = applications;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public Couple propose(String cycleId, int iteration, String applicantId, String partnerId) {
        requireBeforeDeadline(cycleId, iteration);
        if (applicantId.equals(partnerId)) throw new IllegalArgumentException("an applicant cannot form a couple alone");
        return jdbi.inTransaction(h -> {
            for (String who : List.of(applicantId, partnerId)) {
                if (h.createQuery("SELECT COUNT(*) FROM applicant_profile WHERE cycle_id = :c AND applicant_id = :a").bind("c", cycleId)
                        .bind("a", who)
                        .mapTo(Integer.class).one() == 0) {
                    throw new NotFoundException("applicant", who);
                }
                if (live(h, cycleId, iteration, who))
                    throw new ConflictException("ALREADY_IN_A_COUPLE", who + " is already in a couple or a proposal");
            }
            LocalDateTime now = LocalDateTime.now(clock);
            long id = h.createUpdate("INSERT INTO couple (cycle_id, iteration, first_applicant, second_applicant, status, proposed_at) "
                    + "VALUES (:c, :i, :a, :b, 'PROPOSED', :now)")
                    .bind("c", cycleId).bind("i", iteration).bind("a", applicantId).bind("b", partnerId).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            auditLog.record(h, "applicant:" + applicantId, "couple.proposed", "couple:" + id, "with " + partnerId);
            return find(h, cycleId, id);
        });
    }

    /** The partner who was asked accepts: the couple becomes active. */
    public Couple accept(String cycleId, long coupleId, String applicantId) {
        return jdbi.inTransaction(h -> {
            Couple couple = find(h, cycleId, coupleId);
            requireBeforeDeadline(cycleId, couple.iteration());
            if (!couple.second().equals(applicantId))
                throw new ConflictException("NOT_INVITED", "only " + couple.second() + " can accept this proposal");
            if (!couple.status().equals("PROPOSED"))
                throw new ConflictException("COUPLE_NOT_PROPOSED", "couple " + coupleId + " is " + couple.status());
            h.execute("UPDATE couple SET status = 'ACTIVE', accepted_at = ? WHERE id = ?", LocalDateTime.now(clock), coupleId);
            auditLog.record(h, "applicant:" + applicantId, "couple.accepted", "couple:" + coupleId, null);
            return find(h, cycleId, coupleId);
        });
    }

    /** Either partner ends the couple (or withdraws the proposal) before the deadline. */
    public Couple dissolve(String cycleId, long coupleId, String applicantId) {
        return jdbi.inTransaction(h -> {
            Couple couple = find(h, cycleId, coupleId);
            requireBeforeDeadline(cycleId, couple.iteration());
            if (!couple.includes(applicantId)) throw new NotFoundException("couple", String.valueOf(coupleId));
            if (couple.status().equals("DISSOLVED")) return couple;
            h.execute("UPDATE couple SET status = 'DISSOLVED', dissolved_at = ? WHERE id = ?", LocalDateTime.now(clock), coupleId);
            auditLog.record(h, "applicant:" + applicantId, "couple.dissolved", "couple:" + coupleId, null);
            return find(h, cycleId, coupleId);
        });
    }

    public List<Couple> couplesOf(String cycleId, int iteration, String applicantId) {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT * FROM couple WHERE cycle_id = :c AND iteration = :i AND (first_applicant = :a OR second_applicant = :a) ORDER BY id")
                .bind("c", cycleId).bind("i", iteration).bind("a", applicantId).map((rs, ctx) -> row(rs)).list());
    }

    public Couple find(String cycleId, long coupleId) {
        return jdbi.withHandle(h -> find(h, cycleId, coupleId));
    }

    /** The active couples of an iteration, as the match reads them. */
    public List<Couple> active(Handle h, String cycleId, int iteration) {
        return h.createQuery("SELECT * FROM couple WHERE cycle_id = :c AND iteration = :i AND status = 'ACTIVE' ORDER BY id")
                .bind("c", cycleId).bind("i", iteration).map((rs, ctx) -> row(rs)).list();
    }

    private void requireBeforeDeadline(String cycleId, int iteration) {
        applications.cycle(cycleId).require(CycleAction.FORM_COUPLE, iteration, LocalDateTime.now(clock));
    }

    private static boolean live(Handle h, String cycleId, int iteration, String applicantId) {
        return h.createQuery("SELECT COUNT(*) FROM couple WHERE cycle_id = :c AND iteration = :i AND status IN ('PROPOSED', 'ACTIVE') "
                + "AND (first_applicant = :a OR second_applicant = :a)")
                .bind("c", cycleId).bind("i", iteration).bind("a", applicantId).mapTo(Integer.class).one() > 0;
    }

    static Couple find(Handle h, String cycleId, long coupleId) {
        return h.createQuery("SELECT * FROM couple WHERE cycle_id = :c AND id = :id").bind("c", cycleId).bind("id", coupleId)
                .map((rs, ctx) -> row(rs)).findOne().orElseThrow(() -> new NotFoundException("couple", String.valueOf(coupleId)));
    }

    static Couple row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Couple(rs.getLong("id"), rs.getString("cycle_id"), rs.getInt("iteration"), rs.getString("first_applicant"),
                rs.getString("second_applicant"), rs.getString("status"), rs.getObject("proposed_at", LocalDateTime.class));
    }
}
