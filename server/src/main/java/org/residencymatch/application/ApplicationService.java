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
import org.residencymatch.cycle.CycleAction;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.eligibility.EligibilityDecision;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.Reason;

/**
 * Program selection: an applicant applies only to streams that are SELECTABLE for them at that
 * moment (checked here, on the server, by the catalogue's own decision, so who may enter an iteration
 * and the positions left count as they do in the catalogue), during the iteration's program selection
 * phase. A later list
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
        cycle(cycleId).require(CycleAction.SELECT_PROGRAMS, iteration, now);
        // The catalogue's own decision, match facts included: the page and the server never disagree.
        CatalogueEntry entry = catalogue.explain(cycleId, applicantId, streamId, iteration);
        if (entry.decision().decision() != Decision.SELECTABLE) {
            throw new ConflictException(org.residencymatch.Refusal.of("NOT_SELECTABLE", explanation(entry.decision())),
                    "stream " + streamId + " is "
                            + entry.decision().decision() + " for applicant " + applicantId + ": "
                            + String.join(", ", entry.decision().reasonCodes()));
        }
        jdbi.useTransaction(h -> {
            String status = h.createQuery(
                    "SELECT status FROM application WHERE cycle_id = :c AND iteration = :i AND applicant_id = :a AND stream_id = :s")
                    .bind("c", cycleId).bind("i", iteration).bind("a", applicantId).bind("s", streamId).mapTo(String.class).findOne()
                    .orElse(null);
            if ("ACTIVE".equals(status)) return;
            if (status == null) {
                h.execute(
                        "INSERT INTO application (cycle_id, iteration, applicant_id, stream_id, status, applied_at) VALUES (?, ?, ?, ?, 'ACTIVE', ?)",
                        cycleId, iteration, applicantId, streamId, now);
            } else {
                h.execute(
                        "UPDATE application SET status = 'ACTIVE', applied_at = ?, withdrawn_at = NULL, flag_code = NULL, flagged_at = NULL "
                                + "WHERE cycle_id = ? AND iteration = ? AND applicant_id = ? AND stream_id = ?",
                        now, cycleId, iteration, applicantId, streamId);
            }
            auditLog.record(h, actor, "application.created", "applicant:" + applicantId, cycleId + "/" + iteration + " stream " + streamId);
        });
    }

    /** Every reason of a refusal with what to do next, in both languages. */
    private static LocalizedText explanation(EligibilityDecision decision) {
        StringBuilder en = new StringBuilder(), fr = new StringBuilder();
        for (Reason r : decision.reasons()) {
            en.append(en.isEmpty() ? "" : " ").append(r.message().en()).append(' ').append(r.nextStep().action().en());
            fr.append(fr.isEmpty() ? "" : " ").append(r.message().fr()).append(' ').append(r.nextStep().action().fr());
        }
        return new LocalizedText(en.toString(), fr.toString());
    }

    public void withdraw(String cycleId, int iteration, String applicantId, String streamId, String actor) {
        LocalDateTime now = LocalDateTime.now(clock);
        cycle(cycleId).require(CycleAction.WITHDRAW_APPLICATION, iteration, now);
        jdbi.useTransaction(h -> {
            int changed = h.execute("UPDATE application SET status = 'WITHDRAWN', withdrawn_at = ? "
                    + "WHERE cycle_id = ? AND iteration = ? AND applicant_id = ? AND stream_id = ? AND status = 'ACTIVE'",
                    now, cycleId, iteration, applicantId, streamId);
            if (changed == 0) throw new NotFoundException("application to stream", streamId);
            auditLog.record(h, actor, "application.withdrawn", "applicant:" + applicantId,
                    cycleId + "/" + iteration + " stream " + streamId);
        });
    }

    public List<Application> applicationsOf(String cycleId, int iteration, String applicantId) {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT * FROM application WHERE cycle_id = :c AND iteration = :i AND applicant_id = :a ORDER BY applied_at, stream_id")
                .bind("c", cycleId).bind("i", iteration).bind("a", applicantId).map((rs, ctx) -> row(rs)).list());
    }

    /** The active applicants of a stream: the only ones its program may rank. */
    /** How many applicants applied (and have not withdrawn) to each stream of an iteration; streams without any are left out. */
    public java.util.Map<String, Integer> applicantCounts(String cycleId, int iteration) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT stream_id, COUNT(*) AS n FROM application WHERE cycle_id = :c AND iteration = :i "
                + "AND status = 'ACTIVE' GROUP BY stream_id")
                .bind("c", cycleId).bind("i", iteration)
                .map((rs, ctx) -> java.util.Map.entry(rs.getString("stream_id"), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    public List<String> applicantsOf(String cycleId, int iteration, String streamId) {
        return jdbi.withHandle(h -> h
                .createQuery("SELECT applicant_id FROM application WHERE cycle_id = :c AND iteration = :i AND stream_id = :s "
                        + "AND status = 'ACTIVE' ORDER BY applicant_id")
                .bind("c", cycleId).bind("i", iteration).bind("s", streamId).mapTo(String.class).list());
    }

    /**
     * The pairs an iteration's match may make, each as {@code applicantId + "|" + streamId}: the active
     * applications that no list change has flagged. In the caller's transaction (a match run's).
     */
    public java.util.Set<String> matchablePairs(Handle h, String cycleId, int iteration) {
        java.util.Set<String> pairs = new java.util.HashSet<>();
        h.createQuery("""
                SELECT applicant_id, stream_id FROM application
                WHERE cycle_id = :c AND iteration = :i AND status = 'ACTIVE' AND flag_code IS NULL""")
                .bind("c", cycleId).bind("i", iteration).map((rs, ctx) -> rs.getString(1) + "|" + rs.getString(2)).forEach(pairs::add);
        return pairs;
    }

    /** Applications flagged because a list change made their stream non-selectable, for the operator. */
    public List<Application> flagged(String cycleId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM application WHERE cycle_id = :c AND status = 'ACTIVE' AND flag_code IS NOT NULL "
                        + "ORDER BY flagged_at, applicant_id").bind("c", cycleId).map((rs, ctx) -> row(rs)).list());
    }

    /**
     * Re-checks the active applications of these applicants after a list change, in the change's
     * transaction ({@code decide} must see the data as that transaction does): a stream that is no
     * longer selectable is flagged (never removed), one that is selectable again is unflagged; an
     * application {@code decide} answers null for is left as it is. One query reads the applications,
     * whatever the number of applicants.
     */
    public void reflag(Handle h, String cycleId, java.util.Set<String> applicantIds,
            java.util.function.Function<Application, EligibilityDecision> decide) {
        if (applicantIds.isEmpty()) return;
        LocalDateTime now = LocalDateTime.now(clock);
        List<Application> active = h.createQuery("SELECT * FROM application WHERE cycle_id = :c AND status = 'ACTIVE'")
                .bind("c", cycleId).map((rs, ctx) -> row(rs)).filter(a -> applicantIds.contains(a.applicantId())).list();
        var update = h.prepareBatch(
                "UPDATE application SET flag_code = ?, flagged_at = ? WHERE cycle_id = ? AND iteration = ? AND applicant_id = ? AND stream_id = ?");
        int changed = 0;
        for (Application a : active) {
            EligibilityDecision decision = decide.apply(a);
            if (decision == null) continue;
            String flag = decision.decision() == Decision.SELECTABLE ? null : truncate(String.join(",", decision.reasonCodes()));
            if (java.util.Objects.equals(flag, a.flagCode())) continue;
            update.add(flag, flag == null ? null : now, cycleId, a.iteration(), a.applicantId(), a.streamId());
            auditLog.record(h, "system", flag == null ? "application.unflagged" : "application.flagged", "applicant:" + a.applicantId(),
                    "stream " + a.streamId() + (flag == null ? "" : ": " + flag));
            changed++;
        }
        if (changed > 0) update.execute();
    }

    /**
     * Re-checks every active application of an iteration, in the caller's transaction, after the match's
     * facts changed (an earlier iteration's results released): applications to streams with no position
     * left, or of applicants matched earlier, are flagged, never removed.
     */
    public void recheck(Handle h, String cycleId, int iteration) {
        java.util.Set<String> applicants = new java.util.HashSet<>(h.createQuery(
                "SELECT DISTINCT applicant_id FROM application WHERE cycle_id = :c AND iteration = :i AND status = 'ACTIVE'")
                .bind("c", cycleId).bind("i", iteration).mapTo(String.class).list());
        if (applicants.isEmpty()) return;
        var match = catalogue.matchFacts(h, cycleId, applicants);
        var streams = catalogue.streamCatalogue(h, cycleId);
        // Each applicant's profile and lists are read once, whatever the number of their applications.
        java.util.Map<String, java.util.function.Function<String, EligibilityDecision>> deciders = new java.util.HashMap<>();
        reflag(h, cycleId, applicants, a -> a.iteration() != iteration
                ? null
                : deciders.computeIfAbsent(a.applicantId(), id -> catalogue.decider(h, cycleId, id, streams, match, iteration))
                        .apply(a.streamId()));
    }

    /**
     * Re-checks one applicant's active applications in both iterations, in the caller's transaction,
     * after their facts or the verification of their facts changed: flagged when no longer selectable
     * (never removed), unflagged when selectable again.
     */
    public void recheckApplicant(Handle h, String cycleId, String applicantId) {
        boolean any = h.createQuery("""
                SELECT COUNT(*) FROM application WHERE cycle_id = :c AND applicant_id = :a AND status = 'ACTIVE'""")
                .bind("c", cycleId).bind("a", applicantId).mapTo(Integer.class).one() > 0;
        if (!any) return;
        var match = catalogue.matchFacts(h, cycleId, java.util.Set.of(applicantId));
        var streams = catalogue.streamCatalogue(h, cycleId);
        java.util.Map<Integer, java.util.function.Function<String, EligibilityDecision>> deciders = new java.util.HashMap<>();
        reflag(h, cycleId, java.util.Set.of(applicantId), a -> deciders.computeIfAbsent(a.iteration(),
                iteration -> catalogue.decider(h, cycleId, applicantId, streams, match, iteration)).apply(a.streamId()));
    }

    private static String truncate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60);
    }

    private static Application row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Application(rs.getString("cycle_id"), rs.getInt("iteration"), rs.getString("applicant_id"), rs.getString("stream_id"),
                rs.getString("status"), rs.getObject("applied_at", LocalDateTime.class), rs.getString("flag_code"));
    }
}
