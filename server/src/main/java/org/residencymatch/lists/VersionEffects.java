package org.residencymatch.lists;

import org.jdbi.v3.core.Handle;
import org.residencymatch.jobs.Progress;

/**
 * What a new version of a list changes for applicants beyond the list itself: the decisions of their
 * catalogues, their reconciliation cases, the flags on their applications, their notifications.
 *
 * <p>Implemented outside this package ({@code org.residencymatch.listeffects}), since the features it
 * drives all read the lists: the lists depend on this interface only, and {@code Services} wires the
 * implementation, so that no package cycle runs through the lists.
 */
public interface VersionEffects {

    /** The steps of a commit as its progress shows them: the version made current, its members read, then the three of its effects. */
    int COMMIT_STEPS = 5;

    /**
     * How many of the {@linkplain VersionChange#affected affected} applicants would see at least one
     * decision of their catalogue change (an upload's preview). Reads only.
     */
    int catalogueChanges(Handle h, VersionChange change);

    /**
     * For each {@linkplain VersionChange#affected affected} applicant whose catalogue would change, where they would gain and
     * lose selectable streams (a revert's preview), in applicant order. Reads only.
     */
    java.util.List<EligibilityShift> eligibilityShifts(Handle h, VersionChange change);

    /**
     * Applies the change's effects in the caller's transaction, which marks them applied: steps 3 to
     * {@link #COMMIT_STEPS} of {@code progress}.
     */
    void apply(Handle h, VersionChange change, Progress progress);
}
