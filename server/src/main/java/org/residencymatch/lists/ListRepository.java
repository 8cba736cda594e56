package org.residencymatch.lists;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.PartnerLists;

/** Versions of the partner lists and their members. The current version is the newest committed one. */
public final class ListRepository {

    /** Where a new version comes from, for its history and audit. */
    public record Origin(String source, String contentHash, Long uploadId, Integer revertedTo, String committedBy) {}

    /** The number of the current (newest committed) version of a list, or 0 if none was received. */
    public int currentVersion(Handle h, String cycleId, ListKind kind) {
        return h.createQuery("SELECT COALESCE(MAX(version), 0) FROM list_version WHERE cycle_id = :cycle AND kind = :kind AND status = 'COMMITTED'")
                .bind("cycle", cycleId).bind("kind", kind.name()).mapTo(Integer.class).one();
    }

    /**
     * Stores {@code members} as version {@code basedOn + 1} of the list, the new current version. The
     * primary key makes two commits racing from the same version collide: one wins, the other fails.
     * The caller's transaction covers the version, its members and the audit row together.
     */
    public int commitNewVersion(Handle h, String cycleId, ListKind kind, int basedOn, List<ListMember> members, Origin origin, LocalDateTime now) {
        int version = basedOn + 1;
        h.execute("INSERT INTO list_version (cycle_id, kind, version, status, received_at, committed_at, source, content_hash, upload_id, "
                        + "reverted_to, committed_by) VALUES (?, ?, ?, 'COMMITTED', ?, ?, ?, ?, ?, ?, ?)",
                cycleId, kind.name(), version, now, now, origin.source(), origin.contentHash(), origin.uploadId(), origin.revertedTo(),
                origin.committedBy());
        BulkInsert.insert(h, "INSERT INTO list_membership (cycle_id, kind, version, applicant_id, contingent, mmi_score, assessment_outcome) VALUES",
                "(?, ?, ?, ?, ?, ?, ?)", members, m -> new Object[] {cycleId, kind.name(), version, m.applicantId(),
                        m.contingent() == null ? null : m.contingent().name(), m.mmiScore(), m.assessmentOutcome()});
        return version;
    }

    /** The members of one version of a list, by applicant id. */
    public Map<String, ListMember> members(Handle h, String cycleId, ListKind kind, int version) {
        Map<String, ListMember> byApplicant = new HashMap<>();
        h.createQuery("SELECT applicant_id, contingent, mmi_score, assessment_outcome FROM list_membership "
                        + "WHERE cycle_id = :cycle AND kind = :kind AND version = :version")
                .bind("cycle", cycleId).bind("kind", kind.name()).bind("version", version)
                .map((rs, ctx) -> member(rs))
                .forEach(m -> byApplicant.put(m.applicantId(), m));
        return byApplicant;
    }

    /** Every committed version of a list, newest first. */
    public List<ListVersionInfo> history(Handle h, String cycleId, ListKind kind) {
        return h.createQuery("SELECT v.version, v.committed_at, v.committed_by, v.source, v.content_hash, v.upload_id, v.reverted_to, "
                        + "(SELECT COUNT(*) FROM list_membership m WHERE m.cycle_id = v.cycle_id AND m.kind = v.kind AND m.version = v.version) AS members "
                        + "FROM list_version v WHERE v.cycle_id = :cycle AND v.kind = :kind AND v.status = 'COMMITTED' ORDER BY v.version DESC")
                .bind("cycle", cycleId).bind("kind", kind.name())
                .map((rs, ctx) -> new ListVersionInfo(rs.getInt("version"), rs.getObject("committed_at", LocalDateTime.class),
                        rs.getString("committed_by"), rs.getString("source"), rs.getString("content_hash"),
                        (Long) rs.getObject("upload_id", Long.class), (Integer) rs.getObject("reverted_to", Integer.class), rs.getInt("members")))
                .list();
    }

    /** The content hash of the current version, if it came from a file. */
    public java.util.Optional<String> currentContentHash(Handle h, String cycleId, ListKind kind) {
        return h.createQuery("SELECT content_hash FROM list_version WHERE cycle_id = :cycle AND kind = :kind AND status = 'COMMITTED' "
                        + "ORDER BY version DESC")
                .bind("cycle", cycleId).bind("kind", kind.name()).setMaxRows(1).mapTo(String.class).findFirst();
    }

    private static ListMember member(java.sql.ResultSet rs) throws java.sql.SQLException {
        String contingent = rs.getString("contingent");
        return new ListMember(rs.getString("applicant_id"), contingent == null ? null : CmqApproval.valueOf(contingent),
                rs.getObject("mmi_score", BigDecimal.class), rs.getString("assessment_outcome"));
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
        h.createQuery("SELECT kind, MAX(version) AS version FROM list_version WHERE cycle_id = :cycle AND status = 'COMMITTED' GROUP BY kind")
                .bind("cycle", cycleId)
                .map((rs, ctx) -> Map.entry(ListKind.valueOf(rs.getString("kind")), rs.getInt("version")))
                .forEach(e -> versions.put(e.getKey(), e.getValue()));
        Map<ListKind, Map<String, ListMember>> members = new EnumMap<>(ListKind.class);
        for (var e : versions.entrySet()) {
            Map<String, ListMember> byApplicant = new HashMap<>();
            var query = h.createQuery("SELECT applicant_id, contingent, mmi_score, assessment_outcome FROM list_membership "
                            + "WHERE cycle_id = :cycle AND kind = :kind AND version = :version"
                            + (onlyApplicant == null ? "" : " AND applicant_id = :applicant"))
                    .bind("cycle", cycleId).bind("kind", e.getKey().name()).bind("version", e.getValue());
            if (onlyApplicant != null) query.bind("applicant", onlyApplicant);
            query.map((rs, ctx) -> member(rs)).forEach(m -> byApplicant.put(m.applicantId(), m));
            members.put(e.getKey(), byApplicant);
        }
        return new ListsSnapshot(versions, members);
    }
}
