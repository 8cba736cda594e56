package org.residencymatch.reconciliation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Contradiction;
import org.residencymatch.eligibility.EligibilityRules;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.PartnerLists;
import org.residencymatch.eligibility.ReconciliationPolicy;
import org.residencymatch.lists.ListRepository;
import org.residencymatch.lists.ListsSnapshot;

/**
 * Keeps reconciliation cases in step with the profiles and the lists: a case is opened for each
 * contradiction the {@link ReconciliationPolicy} finds, once, and closes itself when the
 * contradiction disappears (for instance when BCI's corrected list includes the applicant). Run it in
 * the transaction that changes a profile or commits a list, so cases never lag behind the data.
 */
public final class ReconciliationService {

    public static final String SYSTEM = "system";

    private final Jdbi jdbi;
    private final ListRepository lists;
    private final AuditLog auditLog;
    private final Clock clock;
    /** A cycle's eligibility rules, which say when a Régulier applicant missing from the QIMG list is a contradiction. */
    private final java.util.function.Function<String, EligibilityRules> rulesOf;

    public ReconciliationService(Jdbi jdbi, ListRepository lists, AuditLog auditLog, Clock clock,
            java.util.function.Function<String, EligibilityRules> rulesOf) {
        this.jdbi = jdbi;
        this.lists = lists;
        this.auditLog = auditLog;
        this.clock = clock;
        this.rulesOf = rulesOf;
    }

    /** Brings one applicant's cases in step with their profile and the lists as they are in {@code h}'s transaction. */
    public void syncApplicant(Handle h, String cycleId, ApplicantFacts facts, PartnerLists view) {
        List<Contradiction> now = ReconciliationPolicy.contradictions(facts, view, rulesOf.apply(cycleId));
        Map<String, Long> open = new HashMap<>();
        h.createQuery(
                "SELECT id, code, list_kind FROM reconciliation_case WHERE cycle_id = :cycle AND applicant_id = :applicant AND status = 'OPEN'")
                .bind("cycle", cycleId).bind("applicant", facts.applicantId())
                .map((rs, ctx) -> open.put(rs.getString("code") + ":" + rs.getString("list_kind"), rs.getLong("id")))
                .list();
        Set<String> current = now.stream().map(Contradiction::key).collect(Collectors.toSet());
        LocalDateTime time = LocalDateTime.now(clock);
        for (var entry : open.entrySet()) {
            if (current.contains(entry.getKey())) continue;
            h.execute(
                    "UPDATE reconciliation_case SET status = 'CLOSED_AUTOMATICALLY', closed_at = ?, closed_by = ?, resolution = ? WHERE id = ?",
                    time, SYSTEM, "The profile and the lists no longer contradict each other.", entry.getValue());
            auditLog.record(h, SYSTEM, "case.closed-automatically", "case:" + entry.getValue(), "cycle " + cycleId);
        }
        for (Contradiction c : now) {
            if (open.containsKey(c.key())) continue;
            long id = h.createUpdate("INSERT INTO reconciliation_case (cycle_id, applicant_id, code, list_kind, list_version, status, "
                    + "summary_en, summary_fr, opened_at) VALUES (:cycle, :applicant, :code, :kind, :version, 'OPEN', :en, :fr, :now)")
                    .bind("cycle", cycleId).bind("applicant", facts.applicantId()).bind("code", c.code())
                    .bind("kind", c.list().name()).bind("version", c.listVersion())
                    .bind("en", c.explanation().en()).bind("fr", c.explanation().fr()).bind("now", time)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            auditLog.record(h, SYSTEM, "case.opened", "case:" + id, c.code() + " for applicant " + facts.applicantId());
        }
    }

    /** Up to this many applicants, {@link #syncMany} syncs them one by one rather than reading the cycle's open cases. */
    private static final int FEW_APPLICANTS = 200;

    /**
     * Brings many applicants' cases in step at once, with the same cases and audit rows as
     * {@link #syncApplicant} for each: the cycle's open cases are read with one query, and only the
     * differences are written, in batches (closed cases first, then opened ones, in the order of
     * {@code profiles}). For a few applicants it is {@link #syncApplicant} for each.
     */
    public void syncMany(Handle h, String cycleId, List<ApplicantFacts> profiles,
            java.util.function.Function<ApplicantFacts, PartnerLists> viewOf) {
        if (profiles.size() <= FEW_APPLICANTS) {
            for (ApplicantFacts facts : profiles) syncApplicant(h, cycleId, facts, viewOf.apply(facts));
            return;
        }
        Set<String> wanted = new java.util.HashSet<>();
        for (ApplicantFacts f : profiles) wanted.add(f.applicantId());
        Map<String, Map<String, Long>> openByApplicant = new HashMap<>();
        h.createQuery("SELECT id, applicant_id, code, list_kind FROM reconciliation_case WHERE cycle_id = :cycle AND status = 'OPEN'")
                .bind("cycle", cycleId)
                .map((rs, ctx) -> {
                    String applicant = rs.getString("applicant_id");
                    if (wanted.contains(applicant)) {
                        openByApplicant.computeIfAbsent(applicant, k -> new HashMap<>())
                                .put(rs.getString("code") + ":" + rs.getString("list_kind"), rs.getLong("id"));
                    }
                    return null;
                })
                .forEach(x -> {
                });
        EligibilityRules rules = rulesOf.apply(cycleId);
        List<Long> toClose = new ArrayList<>();
        List<Map.Entry<String, Contradiction>> toOpen = new ArrayList<>();
        for (ApplicantFacts facts : profiles) {
            List<Contradiction> now = ReconciliationPolicy.contradictions(facts, viewOf.apply(facts), rules);
            Map<String, Long> open = openByApplicant.getOrDefault(facts.applicantId(), Map.of());
            if (now.isEmpty() && open.isEmpty()) continue;
            Set<String> current = now.stream().map(Contradiction::key).collect(Collectors.toSet());
            for (var entry : open.entrySet()) if (!current.contains(entry.getKey())) toClose.add(entry.getValue());
            for (Contradiction c : now) if (!open.containsKey(c.key())) toOpen.add(Map.entry(facts.applicantId(), c));
        }
        LocalDateTime time = LocalDateTime.now(clock);
        if (!toClose.isEmpty()) {
            for (int from = 0; from < toClose.size(); from += BATCH) {
                var batch = h.prepareBatch(
                        "UPDATE reconciliation_case SET status = 'CLOSED_AUTOMATICALLY', closed_at = ?, closed_by = ?, resolution = ? WHERE id = ?");
                for (Long id : toClose.subList(from, Math.min(toClose.size(), from + BATCH))) {
                    batch.add(time, SYSTEM, "The profile and the lists no longer contradict each other.", id);
                }
                batch.execute();
            }
            for (Long id : toClose) auditLog.record(h, SYSTEM, "case.closed-automatically", "case:" + id, "cycle " + cycleId);
        }
        if (!toOpen.isEmpty()) {
            List<Long> ids = new ArrayList<>(toOpen.size());
            for (int from = 0; from < toOpen.size(); from += BATCH) {
                var batch = h
                        .prepareBatch("INSERT INTO reconciliation_case (cycle_id, applicant_id, code, list_kind, list_version, status, "
                                + "summary_en, summary_fr, opened_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)");
                for (var e : toOpen.subList(from, Math.min(toOpen.size(), from + BATCH))) {
                    Contradiction c = e.getValue();
                    batch.add(cycleId, e.getKey(), c.code(), c.list().name(), c.listVersion(), c.explanation().en(), c.explanation().fr(),
                            time);
                }
                ids.addAll(batch.executePreparedBatch("id").mapTo(Long.class).list());
            }
            if (ids.size() != toOpen.size()) throw new IllegalStateException("expected " + toOpen.size() + " case ids, got " + ids.size());
            for (int i = 0; i < ids.size(); i++) {
                auditLog.record(h, SYSTEM, "case.opened", "case:" + ids.get(i),
                        toOpen.get(i).getValue().code() + " for applicant " + toOpen.get(i).getKey());
            }
        }
    }

    private static final int BATCH = 5_000;

    /** Brings the cases of these applicants (all of a cycle's profiles, say) in step, e.g. after a list version is committed. */
    public void syncAll(Handle h, String cycleId, List<ApplicantFacts> profiles) {
        ListsSnapshot snapshot = lists.snapshot(h, cycleId);
        for (ApplicantFacts facts : profiles) {
            syncApplicant(h, cycleId, facts, snapshot.forApplicant(facts.applicantId()));
        }
    }

    /** The cases of a cycle with the given status (all statuses when null), oldest first. */
    public List<ReconciliationCase> cases(String cycleId, CaseStatus status) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT * FROM reconciliation_case WHERE cycle_id = :cycle"
                    + (status == null ? "" : " AND status = :status") + " ORDER BY opened_at, id").bind("cycle", cycleId);
            if (status != null) query.bind("status", status.name());
            List<ReconciliationCase> cases = query.map((rs, ctx) -> row(rs)).list();
            return withComments(h, cases);
        });
    }

    /** The open cases of one applicant, to show them what the operator is looking into. */
    public List<ReconciliationCase> casesOf(String cycleId, String applicantId) {
        return jdbi.withHandle(h -> withComments(h, h.createQuery(
                "SELECT * FROM reconciliation_case WHERE cycle_id = :cycle AND applicant_id = :applicant ORDER BY opened_at, id")
                .bind("cycle", cycleId).bind("applicant", applicantId).map((rs, ctx) -> row(rs)).list()));
    }

    public Optional<ReconciliationCase> find(String cycleId, long caseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM reconciliation_case WHERE cycle_id = :cycle AND id = :id")
                .bind("cycle", cycleId).bind("id", caseId).map((rs, ctx) -> row(rs)).findOne()
                .map(c -> withComments(h, List.of(c)).get(0)));
    }

    public void comment(String cycleId, long caseId, String author, String body) {
        jdbi.useTransaction(h -> {
            requireCase(h, cycleId, caseId);
            h.execute("INSERT INTO case_comment (case_id, author, written_at, body) VALUES (?, ?, ?, ?)",
                    caseId, author, LocalDateTime.now(clock), body);
            auditLog.record(h, author, "case.commented", "case:" + caseId, null);
        });
    }

    /** An operator closes the case with what was done (e.g. "BCI confirmed; corrected list expected"). */
    public void resolve(String cycleId, long caseId, String author, String resolution) {
        jdbi.useTransaction(h -> {
            requireCase(h, cycleId, caseId);
            int resolved = h.execute(
                    "UPDATE reconciliation_case SET status = 'RESOLVED', closed_at = ?, closed_by = ?, resolution = ? WHERE id = ? AND status = 'OPEN'",
                    LocalDateTime.now(clock), author, resolution, caseId);
            if (resolved == 0) throw new ConflictException("CASE_CLOSED", "case " + caseId + " is already closed");
            auditLog.record(h, author, "case.resolved", "case:" + caseId, null);
        });
    }

    private static void requireCase(Handle h, String cycleId, long caseId) {
        boolean exists = h.createQuery("SELECT COUNT(*) FROM reconciliation_case WHERE cycle_id = :cycle AND id = :id")
                .bind("cycle", cycleId).bind("id", caseId).mapTo(Integer.class).one() > 0;
        if (!exists) throw new NotFoundException("reconciliation case", String.valueOf(caseId));
    }

    private static List<ReconciliationCase> withComments(Handle h, List<ReconciliationCase> cases) {
        if (cases.isEmpty()) return cases;
        Map<Long, List<ReconciliationCase.Comment>> comments = new HashMap<>();
        h.createQuery("SELECT case_id, author, written_at, body FROM case_comment WHERE case_id IN (<ids>) ORDER BY written_at, id")
                .bindList("ids", cases.stream().map(ReconciliationCase::id).toList())
                .map((rs, ctx) -> comments.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
                        .add(new ReconciliationCase.Comment(rs.getString("author"), rs.getObject("written_at", LocalDateTime.class),
                                rs.getString("body"))))
                .list();
        return cases.stream().map(c -> new ReconciliationCase(c.id(), c.cycleId(), c.applicantId(), c.code(), c.listKind(), c.listVersion(),
                c.status(), c.summaryEn(), c.summaryFr(), c.openedAt(), c.closedAt(), c.closedBy(), c.resolution(),
                List.copyOf(comments.getOrDefault(c.id(), List.of())))).toList();
    }

    private static ReconciliationCase row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ReconciliationCase(rs.getLong("id"), rs.getString("cycle_id"), rs.getString("applicant_id"), rs.getString("code"),
                ListKind.valueOf(rs.getString("list_kind")), rs.getInt("list_version"), CaseStatus.valueOf(rs.getString("status")),
                rs.getString("summary_en"), rs.getString("summary_fr"), rs.getObject("opened_at", LocalDateTime.class),
                rs.getObject("closed_at", LocalDateTime.class), rs.getString("closed_by"), rs.getString("resolution"), List.of());
    }
}
