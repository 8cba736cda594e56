package org.residencymatch.lists;

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

    /** The coverage as {@link ListRepository#coverage} reads it (the dashboard's way in). */
    public static ListCoverage of(Handle h, String cycleId) {
        return new ListRepository().coverage(h, cycleId);
    }
}
