package org.residencymatch.lists;

import java.util.List;
import org.residencymatch.eligibility.ListKind;

/**
 * What making version {@code toVersion} of a list current again would do, before anyone confirms it: the new version's
 * number, who it puts back on the list or takes off, whose details change, and whose catalogue changes, where.
 */
public record RevertPreview(ListKind kind, int currentVersion, int toVersion, int newVersion, List<String> added, List<String> removed,
        List<VersionChange.MemberChange> changes, List<EligibilityShift> shifts) {
}
