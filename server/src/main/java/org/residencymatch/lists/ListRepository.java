package org.residencymatch.lists;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.residencymatch.ConflictException;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.PartnerLists;
import org.residencymatch.store.BulkInsert;

/** Versions of the partner lists and their members. The current version is the newest committed one. */
public final class ListRepository {

    /** Where a new version comes from, for its history and audit. */
    public record Origin(String source, String contentHash, Long uploadId, Integer revertedTo, String committedBy) {
    }

    /** The number of the current (newest committed) version of a list, or 0 if none was received. */
    public int currentVersion(Handle h, String cycleId, ListKind kind) {
        return h.createQuery("""
                SELECT COALESCE(MAX(version), 0) FROM list_version WHERE cycle_id = :cycle AND kind = :kind AND status = 'COMMITTED'""")
                .bind("cycle", cycleId).bind("kind", kind.name()).mapTo(Integer.class).one();
    }

    /**
     * Stores {@code members} as the list's next version, the new current one, for
     * seeding (demo data, benchmarks): the version counts as applied, and the caller reconciles the
     * applicants itself. Partner files go through {@link #commitUploadAsNewVersion}.
     */
    public int commitNewVersion(Handle h, String cycleId, ListKind kind, List<ListMember> members, Origin origin, LocalDateTime now) {
        int version = insertVersion(h, cycleId, kind, currentVersion(h, cycleId, kind), origin, now);
        markEffectsApplied(h, cycleId, kind, version, now);
        BulkInsert.insert(h, "list_membership", List.of("cycle_id", "kind", "version", "applicant_id", "contingent", "mmi_score",
                "assessment_outcome"), members,
                m -> new Object[]{cycleId, kind.name(), version, m.applicantId(),
                        m.contingent() == null ? null : m.contingent().name(), m.mmiScore(), m.assessmentOutcome()});
        int unknown = h.createQuery("""
                SELECT COUNT(*) FROM list_membership m WHERE m.cycle_id = ? AND m.kind = ? AND m.version = ?
                AND NOT EXISTS (SELECT 1 FROM applicant a WHERE a.id = m.applicant_id)""")
                .bind(0, cycleId).bind(1, kind.name()).bind(2, version).mapTo(Integer.class).one();
        if (unknown > 0) throw new IllegalArgumentException(unknown + " member(s) of the " + kind + " list name no known applicant");
        countMembers(h, cycleId, kind, version, members.size());
        return version;
    }

    /**
     * Stores the rows of a draft upload that put an applicant on the list (matched, or confirmed by a
     * person) as the list's next version, in one statement inside the database: the rows are already
     * there, so nothing travels back and forth. The join to the applicants keeps a member only if the
     * applicant exists (the table has no per-row foreign key, see migration V19): should any row name
     * none, the version is refused and the caller's transaction rolls back.
     */
    public NewVersion commitUploadAsNewVersion(Handle h, String cycleId, ListKind kind, int basedOn, long uploadId, Origin origin,
            LocalDateTime now) {
        int version = insertVersion(h, cycleId, kind, basedOn, origin, now);
        int onList = h.createQuery("""
                SELECT COUNT(*) FROM list_upload_row r WHERE r.upload_id = ? AND %s""".formatted(PUTS_ON_LIST))
                .bind(0, uploadId).mapTo(Integer.class).one();
        int stored = h.execute("""
                INSERT INTO list_membership (cycle_id, kind, version, applicant_id, contingent, mmi_score, assessment_outcome)
                SELECT ?, ?, ?, a.id, r.contingent, r.mmi_score, r.assessment_outcome FROM list_upload_row r JOIN applicant a
                ON a.id = CASE WHEN r.outcome = 'MATCHED' THEN r.applicant_id ELSE r.reviewed_applicant_id END
                WHERE r.upload_id = ? AND %s""".formatted(PUTS_ON_LIST),
                cycleId, kind.name(), version, uploadId);
        if (stored != onList) {
            throw new IllegalStateException((onList - stored) + " row(s) of upload " + uploadId + " name no known applicant");
        }
        return countMembers(h, cycleId, kind, version, stored);
    }

    /** The rows of an upload that put an applicant on the list: matched, or confirmed by a person. */
    private static final String PUTS_ON_LIST = "(r.outcome = 'MATCHED' OR r.review = 'CONFIRMED')";

    /** Stores the members of an older version as the list's next version (a revert), inside the database. */
    public NewVersion commitCopyAsNewVersion(Handle h, String cycleId, ListKind kind, int basedOn, int copyOf, Origin origin,
            LocalDateTime now) {
        int version = insertVersion(h, cycleId, kind, basedOn, origin, now);
        return countMembers(h, cycleId, kind, version, h.execute("""
                INSERT INTO list_membership (cycle_id, kind, version, applicant_id, contingent, mmi_score, assessment_outcome)
                SELECT cycle_id, kind, ?, applicant_id, contingent, mmi_score, assessment_outcome FROM list_membership
                WHERE cycle_id = ? AND kind = ? AND version = ?""",
                version, cycleId, kind.name(), copyOf));
    }

    /** A version just stored, with its number of members. */
    public record NewVersion(int version, int members) {
    }

    /** Records how many members a version was committed with (see {@link #tornVersions}). */
    private static NewVersion countMembers(Handle h, String cycleId, ListKind kind, int version, int members) {
        h.execute("""
                UPDATE list_version SET member_count = ? WHERE cycle_id = ? AND kind = ? AND version = ?""",
                members, cycleId, kind.name(), version);
        return new NewVersion(version, members);
    }

    /**
     * Versions that a crash tore during their commit: their members do not add up to the count the
     * commit wrote with them, or the count is missing. H2's MVStore (2.5.252) can persist part of a
     * large transaction when the process dies while committing it, and leave the table's indexes out
     * of step with its rows; PostgreSQL never does, and finds none.
     */
    public List<PendingEffects> tornVersions(Handle h) {
        return h.createQuery("""
                SELECT v.cycle_id, v.kind, v.version FROM list_version v LEFT JOIN list_membership m
                ON m.cycle_id = v.cycle_id AND m.kind = v.kind AND m.version = v.version WHERE v.status = 'COMMITTED'
                GROUP BY v.cycle_id, v.kind, v.version, v.member_count
                HAVING v.member_count IS NULL OR COUNT(m.applicant_id) <> v.member_count ORDER BY v.cycle_id, v.kind, v.version""")
                .map((rs, ctx) -> new PendingEffects(rs.getString("cycle_id"), ListKind.valueOf(rs.getString("kind")),
                        rs.getInt("version")))
                .list();
    }

    /**
     * Voids a torn version: it is no longer committed, so nothing reads it, and its number is never
     * used again. Its surviving members are left in place: after a tear, deleting them can trip over
     * index entries the tear left behind (seen on H2), and inserting the same keys again would collide.
     */
    public void voidTornVersion(Handle h, String cycleId, ListKind kind, int version) {
        h.execute("""
                UPDATE list_version SET status = 'TORN' WHERE cycle_id = ? AND kind = ? AND version = ?""",
                cycleId, kind.name(), version);
    }

    /**
     * The version row of a new version, numbered after every version the list ever had (a voided one
     * included), its effects not yet applied, to follow {@code basedOn}, the version its caller read
     * as current. Two commits racing from the same version either get the same number and collide on
     * the primary key, or the later one finds, once its row is written, that another version was
     * committed after {@code basedOn}: either way one wins and the other fails.
     */
    private static int insertVersion(Handle h, String cycleId, ListKind kind, int basedOn, Origin origin, LocalDateTime now) {
        int version = h.createQuery("""
                SELECT COALESCE(MAX(version), 0) + 1 FROM list_version WHERE cycle_id = :cycle AND kind = :kind""")
                .bind("cycle", cycleId).bind("kind", kind.name()).mapTo(Integer.class).one();
        h.execute("""
                INSERT INTO list_version (cycle_id, kind, version, status, received_at, committed_at, source, content_hash, upload_id,
                    reverted_to, committed_by)
                VALUES (?, ?, ?, 'COMMITTED', ?, ?, ?, ?, ?, ?, ?)""",
                cycleId, kind.name(), version, now, now, origin.source(), origin.contentHash(), origin.uploadId(), origin.revertedTo(),
                origin.committedBy());
        // Read after the row is written (each statement sees what was committed before it starts), so a
        // commit that finished between the caller's read and the number's cannot be missed.
        int previous = h.createQuery("""
                SELECT COALESCE(MAX(version), 0) FROM list_version WHERE cycle_id = :cycle AND kind = :kind
                AND status = 'COMMITTED' AND version < :version""")
                .bind("cycle", cycleId).bind("kind", kind.name()).bind("version", version).mapTo(Integer.class).one();
        if (previous != basedOn) {
            throw new ConflictException("CONCURRENT_COMMIT", "version " + previous + " of the " + kind + " list was committed while this "
                    + "commit, made against version " + basedOn + ", was under way; look at the list again");
        }
        return version;
    }

    /** A committed version whose effects on applicants are still to be applied. */
    public record PendingEffects(String cycleId, ListKind kind, int version) {
    }

    /** The versions whose effects are still to be applied, oldest first (the order they must be applied in). */
    public List<PendingEffects> pendingEffects(Handle h) {
        return h.createQuery("""
                SELECT cycle_id, kind, version FROM list_version WHERE status = 'COMMITTED' AND effects_applied_at IS NULL
                ORDER BY cycle_id, kind, version""")
                .map((rs, ctx) -> new PendingEffects(rs.getString("cycle_id"), ListKind.valueOf(rs.getString("kind")),
                        rs.getInt("version")))
                .list();
    }

    /**
     * Locks a version's row for the caller's transaction and says whether its effects are still to be
     * applied: a second instance trying the same version waits here, then finds them applied.
     */
    public boolean lockIfEffectsPending(Handle h, String cycleId, ListKind kind, int version) {
        return h.createQuery("""
                SELECT effects_applied_at FROM list_version WHERE cycle_id = :cycle AND kind = :kind AND version = :version FOR UPDATE""")
                .bind("cycle", cycleId).bind("kind", kind.name()).bind("version", version)
                .map((rs, ctx) -> rs.getObject(1) == null).findOne().orElse(false);
    }

    /** The committed version before {@code version}, or 0 if there is none (versions a crash voided are skipped). */
    public int previousVersion(Handle h, String cycleId, ListKind kind, int version) {
        return h.createQuery("""
                SELECT COALESCE(MAX(version), 0) FROM list_version WHERE cycle_id = :cycle AND kind = :kind AND status = 'COMMITTED'
                AND version < :version""")
                .bind("cycle", cycleId).bind("kind", kind.name()).bind("version", version).mapTo(Integer.class).one();
    }

    public void markEffectsApplied(Handle h, String cycleId, ListKind kind, int version, LocalDateTime now) {
        h.execute("""
                UPDATE list_version SET effects_applied_at = ? WHERE cycle_id = ? AND kind = ? AND version = ?""",
                now, cycleId, kind.name(), version);
    }

    /** The members of one version of a list, by applicant id. */
    public Map<String, ListMember> members(Handle h, String cycleId, ListKind kind, int version) {
        Map<String, ListMember> byApplicant = new HashMap<>();
        h.createQuery("""
                SELECT applicant_id, contingent, mmi_score, assessment_outcome FROM list_membership
                WHERE cycle_id = :cycle AND kind = :kind AND version = :version""")
                .bind("cycle", cycleId).bind("kind", kind.name()).bind("version", version)
                .map((rs, ctx) -> member(rs))
                .forEach(m -> byApplicant.put(m.applicantId(), m));
        return byApplicant;
    }

    /** Every committed version of a list, newest first. */
    public List<ListVersionInfo> history(Handle h, String cycleId, ListKind kind) {
        return h.createQuery("""
                SELECT v.version, v.committed_at, v.committed_by, v.source, v.content_hash, v.upload_id, v.reverted_to,
                    v.member_count AS members
                FROM list_version v WHERE v.cycle_id = :cycle AND v.kind = :kind AND v.status = 'COMMITTED' ORDER BY v.version DESC""")
                .bind("cycle", cycleId).bind("kind", kind.name())
                .map((rs, ctx) -> new ListVersionInfo(rs.getInt("version"), rs.getObject("committed_at", LocalDateTime.class),
                        rs.getString("committed_by"), rs.getString("source"), rs.getString("content_hash"),
                        (Long) rs.getObject("upload_id", Long.class), (Integer) rs.getObject("reverted_to", Integer.class),
                        rs.getInt("members")))
                .list();
    }

    /** One committed version of a list that names an applicant, with what it says of them. */
    public record Membership(ListKind kind, int version, LocalDateTime committedAt, String committedBy, boolean current,
            ListMember member) {
    }

    /**
     * Every committed version of a cycle's lists that names the applicant, newest first per list:
     * where the partner bodies vouched for them, and since when. {@code current} marks the version
     * in force.
     */
    public List<Membership> membershipsOf(Handle h, String cycleId, String applicantId) {
        Map<String, Integer> current = new HashMap<>();
        h.createQuery(
                "SELECT kind, MAX(version) AS version FROM list_version WHERE cycle_id = :cycle AND status = 'COMMITTED' GROUP BY kind")
                .bind("cycle", cycleId)
                .map((rs, ctx) -> Map.entry(rs.getString("kind"), rs.getInt("version")))
                .forEach(e -> current.put(e.getKey(), e.getValue()));
        return h.createQuery("""
                SELECT v.kind, v.version, v.committed_at, v.committed_by,
                       m.applicant_id, m.contingent, m.mmi_score, m.assessment_outcome
                FROM list_membership m
                JOIN list_version v ON v.cycle_id = m.cycle_id AND v.kind = m.kind AND v.version = m.version
                WHERE m.cycle_id = :cycle AND m.applicant_id = :applicant AND v.status = 'COMMITTED'
                ORDER BY v.kind, v.version DESC""")
                .bind("cycle", cycleId).bind("applicant", applicantId)
                .map((rs, ctx) -> new Membership(ListKind.valueOf(rs.getString("kind")), rs.getInt("version"),
                        rs.getObject("committed_at", LocalDateTime.class), rs.getString("committed_by"),
                        Integer.valueOf(rs.getInt("version")).equals(current.get(rs.getString("kind"))), member(rs)))
                .list();
    }

    /** The content hash of the current version, if it came from a file. */
    public java.util.Optional<String> currentContentHash(Handle h, String cycleId, ListKind kind) {
        return h.createQuery("""
                SELECT content_hash FROM list_version WHERE cycle_id = :cycle AND kind = :kind AND status = 'COMMITTED'
                ORDER BY version DESC""")
                .bind("cycle", cycleId).bind("kind", kind.name()).setMaxRows(1).mapTo(String.class).findFirst();
    }

    /**
     * The members of a version with the identity keys a partner recognises them by, one list of cells
     * per member ordered by applicant id: applicant id, MINC, family name, given names, date of birth,
     * MMI score, contingent, assessment outcome.
     */
    public List<List<String>> membersWithIdentity(Handle h, String cycleId, ListKind kind, int version) {
        return h.createQuery("""
                SELECT a.id, a.minc, a.family_name, a.given_names, a.date_of_birth, m.mmi_score, m.contingent, m.assessment_outcome
                FROM list_membership m JOIN applicant a ON a.id = m.applicant_id
                WHERE m.cycle_id = :cycle AND m.kind = :kind AND m.version = :version ORDER BY a.id""")
                .bind("cycle", cycleId).bind("kind", kind.name()).bind("version", version)
                .map((rs, ctx) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        String.valueOf(rs.getObject(5, java.time.LocalDate.class)),
                        rs.getBigDecimal(6) == null ? "" : rs.getBigDecimal(6).toPlainString(), rs.getString(7), rs.getString(8)))
                .list();
    }

    private static ListMember member(java.sql.ResultSet rs) throws java.sql.SQLException {
        String contingent = rs.getString("contingent");
        return new ListMember(rs.getString("applicant_id"), contingent == null ? null : CmqApproval.valueOf(contingent),
                rs.getObject("mmi_score", BigDecimal.class), rs.getString("assessment_outcome"));
    }

    /** How far the current lists reach the cycle's IMG applicants (see {@link ListCoverage}). */
    public ListCoverage coverage(Handle h, String cycleId) {
        int img = h.createQuery("""
                SELECT COUNT(*) FROM applicant_profile WHERE cycle_id = :c AND category = 'IMG'""")
                .bind("c", cycleId).mapTo(Integer.class).one();
        Map<ListKind, Integer> versions = new EnumMap<>(ListKind.class);
        h.createQuery("""
                SELECT kind, MAX(version) FROM list_version WHERE cycle_id = :c AND status = 'COMMITTED' GROUP BY kind""")
                .bind("c", cycleId).map((rs, ctx) -> Map.entry(ListKind.valueOf(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> versions.put(e.getKey(), e.getValue()));
        Map<ListKind, Integer> onList = new EnumMap<>(ListKind.class);
        for (ListKind kind : ListKind.values()) {
            Integer version = versions.get(kind);
            onList.put(kind, version == null
                    ? 0
                    : h.createQuery("""
                            SELECT COUNT(*) FROM list_membership m JOIN applicant_profile p
                            ON p.cycle_id = m.cycle_id AND p.applicant_id = m.applicant_id
                            WHERE m.cycle_id = :c AND m.kind = :k AND m.version = :v AND p.category = 'IMG'""")
                            .bind("c", cycleId).bind("k", kind.name()).bind("v", version).mapTo(Integer.class).one());
        }
        return new ListCoverage(img, Map.copyOf(versions), Map.copyOf(onList));
    }

    /** The lists of a cycle as one applicant sees them: two small queries, whatever the size of the lists. */
    public PartnerLists forApplicant(Handle h, String cycleId, String applicantId) {
        return snapshot(h, cycleId, applicantId).forApplicant(applicantId);
    }

    /** The current versions of all of a cycle's lists, with their members. */
    public ListsSnapshot snapshot(Handle h, String cycleId) {
        return snapshot(h, cycleId, null);
    }

    /** The current versions of a cycle's lists, with their members (only {@code onlyApplicant}, when given). */
    private ListsSnapshot snapshot(Handle h, String cycleId, String onlyApplicant) {
        Map<ListKind, Integer> versions = new EnumMap<>(ListKind.class);
        h.createQuery("""
                SELECT kind, MAX(version) AS version FROM list_version WHERE cycle_id = :cycle AND status = 'COMMITTED' GROUP BY kind""")
                .bind("cycle", cycleId)
                .map((rs, ctx) -> Map.entry(ListKind.valueOf(rs.getString("kind")), rs.getInt("version")))
                .forEach(e -> versions.put(e.getKey(), e.getValue()));
        Map<ListKind, Map<String, ListMember>> members = new EnumMap<>(ListKind.class);
        for (var e : versions.entrySet()) {
            Map<String, ListMember> byApplicant = new HashMap<>();
            var query = h.createQuery("""
                    SELECT applicant_id, contingent, mmi_score, assessment_outcome FROM list_membership
                    WHERE cycle_id = :cycle AND kind = :kind AND version = :version %s"""
                    .formatted(onlyApplicant == null ? "" : "AND applicant_id = :applicant"))
                    .bind("cycle", cycleId).bind("kind", e.getKey().name()).bind("version", e.getValue());
            if (onlyApplicant != null) query.bind("applicant", onlyApplicant);
            query.map((rs, ctx) -> member(rs)).forEach(m -> byApplicant.put(m.applicantId(), m));
            members.put(e.getKey(), byApplicant);
        }
        return new ListsSnapshot(versions, members);
    }
}
