package org.residencymatch.lists;

import java.util.EnumMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.residencymatch.eligibility.ListKind;

/**
 * How far the partner lists reach the international medical graduates of a cycle: how many IMG
 * applicants there are, and how many of them are on the current version of each list. A list not yet
 * received has no version and covers nobody.
 *
 * @param versions the current committed version of each list received
 * @param imgOnList IMG applicants on the current version of each list (every kind present, 0 when none)
 */
public record ListCoverage(int imgApplicants, Map<ListKind, Integer> versions, Map<ListKind, Integer> imgOnList) {

    public static ListCoverage of(Handle h, String cycleId) {
        int img = h.createQuery("SELECT COUNT(*) FROM applicant_profile WHERE cycle_id = :c AND category = 'IMG'")
                .bind("c", cycleId).mapTo(Integer.class).one();
        Map<ListKind, Integer> versions = new EnumMap<>(ListKind.class);
        h.createQuery("SELECT kind, MAX(version) FROM list_version WHERE cycle_id = :c AND status = 'COMMITTED' GROUP BY kind")
                .bind("c", cycleId).map((rs, ctx) -> Map.entry(ListKind.valueOf(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> versions.put(e.getKey(), e.getValue()));
        Map<ListKind, Integer> onList = new EnumMap<>(ListKind.class);
        for (ListKind kind : ListKind.values()) {
            Integer version = versions.get(kind);
            onList.put(kind, version == null ? 0 : h.createQuery("SELECT COUNT(*) FROM list_membership m JOIN applicant_profile p "
                            + "ON p.cycle_id = m.cycle_id AND p.applicant_id = m.applicant_id "
                            + "WHERE m.cycle_id = :c AND m.kind = :k AND m.version = :v AND p.category = 'IMG'")
                    .bind("c", cycleId).bind("k", kind.name()).bind("v", version).mapTo(Integer.class).one());
        }
        return new ListCoverage(img, Map.copyOf(versions), Map.copyOf(onList));
    }
}
