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

    /**
     * Stores a new committed version of a list and returns its number. The caller's transaction
     * covers the version, its members and the audit row together.
     */
    public int commitNewVersion(Handle h, String cycleId, ListKind kind, String source, List<ListMember> members, LocalDateTime now) {
        int version = h.createQuery("SELECT COALESCE(MAX(version), 0) + 1 FROM list_version WHERE cycle_id = :cycle AND kind = :kind")
                .bind("cycle", cycleId).bind("kind", kind.name()).mapTo(Integer.class).one();
        h.execute("INSERT INTO list_version (cycle_id, kind, version, status, received_at, committed_at, source) VALUES (?, ?, ?, 'COMMITTED', ?, ?, ?)",
                cycleId, kind.name(), version, now, now, source);
        var batch = h.prepareBatch("INSERT INTO list_membership (cycle_id, kind, version, applicant_id, contingent, mmi_score, assessment_outcome) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)");
        for (ListMember m : members) {
            batch.add(cycleId, kind.name(), version, m.applicantId(), m.contingent() == null ? null : m.contingent().name(),
                    m.mmiScore(), m.assessmentOutcome());
        }
        if (!members.isEmpty()) batch.execute();
        return version;
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
                .map((rs, ctx) -> versions.put(ListKind.valueOf(rs.getString("kind")), rs.getInt("version")))
                .list();
        Map<ListKind, Map<String, ListMember>> members = new EnumMap<>(ListKind.class);
        for (var e : versions.entrySet()) {
            Map<String, ListMember> byApplicant = new HashMap<>();
            var query = h.createQuery("SELECT applicant_id, contingent, mmi_score, assessment_outcome FROM list_membership "
                            + "WHERE cycle_id = :cycle AND kind = :kind AND version = :version"
                            + (onlyApplicant == null ? "" : " AND applicant_id = :applicant"))
                    .bind("cycle", cycleId).bind("kind", e.getKey().name()).bind("version", e.getValue());
            if (onlyApplicant != null) query.bind("applicant", onlyApplicant);
            query
                    .map((rs, ctx) -> {
                        String contingent = rs.getString("contingent");
                        return byApplicant.put(rs.getString("applicant_id"), new ListMember(rs.getString("applicant_id"),
                                contingent == null ? null : CmqApproval.valueOf(contingent),
                                rs.getObject("mmi_score", BigDecimal.class), rs.getString("assessment_outcome")));
                    })
                    .list();
            members.put(e.getKey(), byApplicant);
        }
        return new ListsSnapshot(versions, members);
    }
}
