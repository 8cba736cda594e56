package org.residencymatch.application;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.ConflictException;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.cycle.CycleAction;
import org.residencymatch.notification.Outbox;

/**
 * Rank order lists, saved as drafts and submitted; every submission is kept as a version, and a draft
 * is one version above the last submission, replaced by each save until submitted. Applicants rank
 * only streams they applied to, programs only applicants who applied to the stream, couples pairs of
 * streams (equal-length sides, "no match" allowed on one side). Lists can change only while rank
 * order lists are open: at the deadline they lock.
 */
public final class RankListService {

    public static final String APPLICANT = "APPLICANT";
    public static final String STREAM = "STREAM";
    public static final String COUPLE = "COUPLE";

    private final Jdbi jdbi;
    private final ApplicationService applications;
    private final AuditLog auditLog;
    private final Clock clock;
    private final PartnerNotices partnerNotices;

    public RankListService(Jdbi jdbi, ApplicationService applications, AuditLog auditLog, Clock clock, Outbox outbox) {
        this.jdbi = jdbi;
        this.applications = applications;
        this.auditLog = auditLog;
        this.clock = clock;
        this.partnerNotices = new PartnerNotices(outbox, clock);
    }

    /** Saves an applicant's list of streams; every stream must be one they applied to in this iteration. */
    public RankList saveApplicantList(String cycleId, int iteration, String applicantId, List<String> streams, boolean submit,
            String actor) {
        requireOpen(cycleId, iteration);
        return jdbi.inTransaction(h -> {
            if (activeCouple(h, cycleId, iteration, applicantId).isPresent()) {
                throw new ConflictException("IN_A_COUPLE",
                        "applicant " + applicantId + " is in a couple: rank pairs in the couple's list instead");
            }
            Set<String> applied = new HashSet<>(activeStreams(h, cycleId, iteration, applicantId));
            List<RankList.Entry> entries = new ArrayList<>();
            for (String stream : noDuplicates(streams, "streams")) {
                if (!applied.contains(stream)) {
                    throw new IllegalArgumentException(
                            "stream " + stream + " is not one applicant " + applicantId + " applied to in iteration " + iteration);
                }
                entries.add(new RankList.Entry(stream, null));
            }
            return save(h, cycleId, iteration, APPLICANT, applicantId, entries, submit, actor);
        });
    }

    /** Saves a stream's list of applicants; every applicant must have applied to the stream in this iteration. */
    public RankList saveStreamList(String cycleId, int iteration, String streamId, List<String> applicants, boolean submit, String actor) {
        requireOpen(cycleId, iteration);
        Set<String> applied = new HashSet<>(applications.applicantsOf(cycleId, iteration, streamId));
        return jdbi.inTransaction(h -> {
            List<RankList.Entry> entries = new ArrayList<>();
            for (String applicant : noDuplicates(applicants, "applicants")) {
                if (!applied.contains(applicant)) {
                    throw new IllegalArgumentException(
                            "applicant " + applicant + " did not apply to stream " + streamId + " in iteration " + iteration);
                }
                entries.add(new RankList.Entry(applicant, null));
            }
            return save(h, cycleId, iteration, STREAM, streamId, entries, submit, actor);
        });
    }

    /**
     * Saves a couple's list of pairs: {@code [stream for the first partner, stream for the second]},
     * {@code null} for "no match" on one side (never both); each side a stream that partner applied to.
     */
    public RankList saveCoupleList(String cycleId, int iteration, long coupleId, List<List<String>> pairs, boolean submit, String actor) {
        return saveCoupleList(cycleId, iteration, coupleId, pairs, submit, actor, null, null);
    }

    /**
     * As {@link #saveCoupleList(String, int, long, List, boolean, String)}, saved by the partner
     * {@code byApplicant}: the other partner is told, in the same transaction, by a notification and an
     * email with {@code link}, as {@link PartnerNoticePolicy} decides. A save by no partner (the demo, a
     * test) tells no one.
     */
    public RankList saveCoupleList(String cycleId, int iteration, long coupleId, List<List<String>> pairs, boolean submit, String actor,
            String byApplicant, String link) {
        requireOpen(cycleId, iteration);
        return jdbi.inTransaction(h -> {
            Couple couple = CoupleService.find(h, cycleId, coupleId);
            if (!couple.status().equals("ACTIVE"))
                throw new ConflictException("COUPLE_NOT_ACTIVE", "couple " + coupleId + " is " + couple.status());
            Set<String> first = new HashSet<>(activeStreams(h, cycleId, iteration, couple.first()));
            Set<String> second = new HashSet<>(activeStreams(h, cycleId, iteration, couple.second()));
            List<RankList.Entry> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < pairs.size(); i++) {
                List<String> pair = pairs.get(i);
                if (pair == null || pair.size() != 2)
                    throw new IllegalArgumentException(
                            "pairs[" + i + "] must have two sides: [first partner's stream, second partner's stream]");
                String a = pair.get(0), b = pair.get(1);
                if (a == null && b == null)
                    throw new IllegalArgumentException("pairs[" + i + "] is \"no match\" on both sides, which ranks nothing");
                if (a != null && !first.contains(a))
                    throw new IllegalArgumentException("pairs[" + i + "]: " + couple.first() + " did not apply to stream " + a);
                if (b != null && !second.contains(b))
                    throw new IllegalArgumentException("pairs[" + i + "]: " + couple.second() + " did not apply to stream " + b);
                if (!seen.add(a + "|" + b)) throw new IllegalArgumentException("pairs[" + i + "] repeats an earlier pair");
                entries.add(new RankList.Entry(a, b));
            }
            Optional<RankList> before = newest(h, cycleId, iteration, COUPLE, String.valueOf(coupleId));
            RankList saved = save(h, cycleId, iteration, COUPLE, String.valueOf(coupleId), entries, submit, actor);
            if (byApplicant != null && couple.includes(byApplicant)) {
                String partner = couple.first().equals(byApplicant) ? couple.second() : couple.first();
                PartnerNoticePolicy.decide(before, submit, actor).ifPresent(notice -> partnerNotices.tell(h, partner, notice, saved, link));
            }
            return saved;
        });
    }

    public RankLists lists(String cycleId, int iteration, String ownerKind, String ownerId) {
        return jdbi.withHandle(h -> new RankLists(latest(h, cycleId, iteration, ownerKind, ownerId, false),
                latest(h, cycleId, iteration, ownerKind, ownerId, true)));
    }

    /**
     * Where each stream's rank order list of an iteration stands, for program staff's list of streams:
     * whether one was submitted, and whether a newer draft is not. Streams without any list are left out.
     */
    public java.util.Map<String, StreamRanking.ListState> streamListStates(String cycleId, int iteration) {
        java.util.Map<String, StreamRanking.ListState> states = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT owner_id, MAX(version) AS newest, MAX(CASE WHEN status = 'SUBMITTED' THEN version END) AS submitted
                FROM rank_list WHERE cycle_id = :c AND iteration = :i AND owner_kind = 'STREAM' GROUP BY owner_id""")
                .bind("c", cycleId).bind("i", iteration)
                .map((rs, ctx) -> {
                    int newest = rs.getInt("newest");
                    int submitted = rs.getInt("submitted");
                    boolean everSubmitted = !rs.wasNull();
                    return java.util.Map.entry(rs.getString("owner_id"), !everSubmitted
                            ? StreamRanking.ListState.DRAFT_ONLY
                            : newest > submitted ? StreamRanking.ListState.SUBMITTED_WITH_DRAFT : StreamRanking.ListState.SUBMITTED);
                })
                .forEach(e -> states.put(e.getKey(), e.getValue())));
        return states;
    }

    /** How long the iteration's submitted rank order lists are, for the operator's dashboard. */
    public RankListLengths lengths(String cycleId, int iteration) {
        return jdbi.withHandle(h -> RankListLengths.of(h, cycleId, iteration));
    }

    /** The applicants who submitted a rank order list of their own in an iteration, in the caller's transaction. */
    public List<String> applicantsWithSubmittedLists(Handle h, String cycleId, int iteration) {
        return h.createQuery("""
                SELECT DISTINCT owner_id FROM rank_list
                WHERE cycle_id = :c AND iteration = :i AND owner_kind = 'APPLICANT' AND status = 'SUBMITTED'""")
                .bind("c", cycleId).bind("i", iteration).mapTo(String.class).list();
    }

    /** Every saved version of an owner's list, newest first, without their ranks. */
    public List<RankList> versions(String cycleId, int iteration, String ownerKind, String ownerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, version, status, saved_at, saved_by FROM rank_list
                WHERE cycle_id = :c AND iteration = :i AND owner_kind = :k AND owner_id = :o
                ORDER BY version DESC""")
                .bind("c", cycleId).bind("i", iteration).bind("k", ownerKind).bind("o", ownerId)
                .map((rs, ctx) -> new RankList(rs.getLong("id"), ownerKind, ownerId, rs.getInt("version"), rs.getString("status"),
                        rs.getObject("saved_at", LocalDateTime.class), rs.getString("saved_by"), List.of()))
                .list());
    }

    /** One version of an owner's list, with its ranks. */
    public Optional<RankList> version(String cycleId, int iteration, String ownerKind, String ownerId, int version) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, status, saved_at, saved_by FROM rank_list
                WHERE cycle_id = :c AND iteration = :i AND owner_kind = :k AND owner_id = :o AND version = :v""")
                .bind("c", cycleId).bind("i", iteration).bind("k", ownerKind).bind("o", ownerId).bind("v", version)
                .map((rs, ctx) -> new RankList(rs.getLong("id"), ownerKind, ownerId, version, rs.getString("status"),
                        rs.getObject("saved_at", LocalDateTime.class), rs.getString("saved_by"), List.of()))
                .findOne()
                .map(list -> withEntries(h, list)));
    }

    /**
     * The submitted version of an owner's list whose receipt code is {@code code}, if there is one:
     * what the operator checks a receipt against. Drafts have no receipt.
     */
    public Optional<RankList> checkReceipt(String cycleId, int iteration, String ownerKind, String ownerId, String code) {
        return jdbi.withHandle(h -> {
            List<RankList> submitted = h.createQuery("""
                    SELECT id, version, status, saved_at, saved_by FROM rank_list
                    WHERE cycle_id = :c AND iteration = :i AND owner_kind = :k AND owner_id = :o AND status = 'SUBMITTED'
                    ORDER BY version DESC""")
                    .bind("c", cycleId).bind("i", iteration).bind("k", ownerKind).bind("o", ownerId)
                    .map((rs, ctx) -> new RankList(rs.getLong("id"), ownerKind, ownerId, rs.getInt("version"), rs.getString("status"),
                            rs.getObject("saved_at", LocalDateTime.class), rs.getString("saved_by"), List.of()))
                    .list();
            for (RankList list : submitted) {
                RankList whole = withEntries(h, list);
                if (RankListReceipt.code(cycleId, iteration, whole).equals(code)) return Optional.of(whole);
            }
            return Optional.empty();
        });
    }

    private static RankList withEntries(Handle h, RankList list) {
        return new RankList(list.id(), list.ownerKind(), list.ownerId(), list.version(), list.status(), list.savedAt(), list.savedBy(),
                h.createQuery("SELECT item, second_item FROM rank_list_entry WHERE rank_list_id = :id ORDER BY position")
                        .bind("id", list.id())
                        .map((rs, ctx) -> new RankList.Entry(rs.getString(1), rs.getString(2))).list());
    }

    /** The list in force of an owner, as the match reads it. */
    public Optional<RankList> inForce(Handle h, String cycleId, int iteration, String ownerKind, String ownerId) {
        return latest(h, cycleId, iteration, ownerKind, ownerId, true);
    }

    private void requireOpen(String cycleId, int iteration) {
        applications.cycle(cycleId).require(CycleAction.EDIT_RANK_LIST, iteration, LocalDateTime.now(clock));
    }

    /**
     * Saves a version of an owner's list. A save over a draft replaces that draft (same number, new ranks,
     * new time; a submission turns it into the submitted version), so the numbers people see run 1, 2, 3
     * without gaps: each number is a submission, plus at most one draft above the last. Before, every ↑/↓
     * dragged and saved made a version, and a second submission could be "version 7". Every save is
     * still in the audit log; submitted versions are never changed, their receipts stay valid.
     */
    private RankList save(Handle h, String cycleId, int iteration, String kind, String ownerId, List<RankList.Entry> entries,
            boolean submit, String actor) {
        Optional<RankList> newest = newest(h, cycleId, iteration, kind, ownerId);
        LocalDateTime now = LocalDateTime.now(clock);
        String status = submit ? "SUBMITTED" : "DRAFT";
        long id;
        int version;
        // The update locks the draft and changes it only if it is still a draft: a save that raced with
        // its submission finds it submitted and makes a new version, so a submitted list never changes.
        boolean replaced = newest.isPresent() && !newest.get().submitted()
                && h.createUpdate(
                        "UPDATE rank_list SET status = :s, saved_at = :now, saved_by = :actor WHERE id = :id AND status = 'DRAFT'")
                        .bind("s", status).bind("now", now).bind("actor", actor).bind("id", newest.get().id()).execute() == 1;
        if (replaced) {
            id = newest.get().id();
            version = newest.get().version();
            h.createUpdate("DELETE FROM rank_list_entry WHERE rank_list_id = :id").bind("id", id).execute();
        } else {
            version = h.createQuery(
                    "SELECT COALESCE(MAX(version), 0) + 1 FROM rank_list WHERE cycle_id = :c AND iteration = :i AND owner_kind = :k AND owner_id = :o")
                    .bind("c", cycleId).bind("i", iteration).bind("k", kind).bind("o", ownerId).mapTo(Integer.class).one();
            id = h.createUpdate("INSERT INTO rank_list (cycle_id, iteration, owner_kind, owner_id, version, status, saved_at, saved_by) "
                    + "VALUES (:c, :i, :k, :o, :v, :s, :now, :actor)")
                    .bind("c", cycleId).bind("i", iteration).bind("k", kind).bind("o", ownerId).bind("v", version)
                    .bind("s", status).bind("now", now).bind("actor", actor)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        }
        var batch = h.prepareBatch("INSERT INTO rank_list_entry (rank_list_id, position, item, second_item) VALUES (?, ?, ?, ?)");
        for (int i = 0; i < entries.size(); i++) batch.add(id, i + 1, entries.get(i).item(), entries.get(i).second());
        if (!entries.isEmpty()) batch.execute();
        auditLog.record(h, actor, submit ? "rank-list.submitted" : "rank-list.saved", kind.toLowerCase() + ":" + ownerId,
                cycleId + "/" + iteration + " version " + version + ", " + entries.size() + " ranks");
        return new RankList(id, kind, ownerId, version, status, now, actor, List.copyOf(entries));
    }

    /** The newest version of an owner's list without its ranks, draft or submitted. */
    private static Optional<RankList> newest(Handle h, String cycleId, int iteration, String kind, String ownerId) {
        return h.createQuery(
                "SELECT id, version, status, saved_at, saved_by FROM rank_list WHERE cycle_id = :c AND iteration = :i AND owner_kind = :k AND owner_id = :o ORDER BY version DESC")
                .bind("c", cycleId).bind("i", iteration).bind("k", kind).bind("o", ownerId).setMaxRows(1)
                .map((rs, ctx) -> new RankList(rs.getLong("id"), kind, ownerId, rs.getInt("version"), rs.getString("status"),
                        rs.getObject("saved_at", LocalDateTime.class), rs.getString("saved_by"), List.of()))
                .findFirst();
    }

    private static Optional<RankList> latest(Handle h, String cycleId, int iteration, String kind, String ownerId, boolean submittedOnly) {
        Optional<RankList> head = h
                .createQuery("SELECT * FROM rank_list WHERE cycle_id = :c AND iteration = :i AND owner_kind = :k AND owner_id = :o"
                        + (submittedOnly ? " AND status = 'SUBMITTED'" : "") + " ORDER BY version DESC")
                .bind("c", cycleId).bind("i", iteration).bind("k", kind).bind("o", ownerId).setMaxRows(1)
                .map((rs, ctx) -> new RankList(rs.getLong("id"), kind, ownerId, rs.getInt("version"), rs.getString("status"),
                        rs.getObject("saved_at", LocalDateTime.class), rs.getString("saved_by"), List.of()))
                .findFirst();
        return head.map(list -> new RankList(list.id(), kind, ownerId, list.version(), list.status(), list.savedAt(), list.savedBy(),
                h.createQuery("SELECT item, second_item FROM rank_list_entry WHERE rank_list_id = :id ORDER BY position")
                        .bind("id", list.id())
                        .map((rs, ctx) -> new RankList.Entry(rs.getString(1), rs.getString(2))).list()));
    }

    static List<String> activeStreams(Handle h, String cycleId, int iteration, String applicantId) {
        return h.createQuery(
                "SELECT stream_id FROM application WHERE cycle_id = :c AND iteration = :i AND applicant_id = :a AND status = 'ACTIVE'")
                .bind("c", cycleId).bind("i", iteration).bind("a", applicantId).mapTo(String.class).list();
    }

    static Optional<Couple> activeCouple(Handle h, String cycleId, int iteration, String applicantId) {
        return h.createQuery(
                "SELECT * FROM couple WHERE cycle_id = :c AND iteration = :i AND status = 'ACTIVE' AND (first_applicant = :a OR second_applicant = :a)")
                .bind("c", cycleId).bind("i", iteration).bind("a", applicantId).map((rs, ctx) -> CoupleService.row(rs)).findFirst();
    }

    private static List<String> noDuplicates(List<String> items, String field) {
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            if (item == null || item.isBlank()) throw new IllegalArgumentException(field + " must not contain empty entries");
            if (!seen.add(item)) throw new IllegalArgumentException(field + " lists " + item + " twice");
        }
        return items;
    }

}
