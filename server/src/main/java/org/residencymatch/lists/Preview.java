package org.residencymatch.lists;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.residencymatch.eligibility.ListKind;

/**
 * What an upload would do if committed.
 *
 * @param outcomes how many rows ended in each matching outcome
 * @param awaitingReview rows that a person must confirm or reject before the commit
 * @param added applicants the commit would put on the list
 * @param removed applicants on the current version that the upload leaves out
 * @param changed applicants whose extra data (MMI score, contingent, outcome) would change
 * @param catalogueChanges how many applicants would see at least one decision of their catalogue change
 * @param dateOrder how dates such as 03/04/1990 were read and why (null for uploads from before it was kept)
 * @param changes for each of {@code changed}, the fields that would change, old and new
 */
public record Preview(long uploadId, String cycleId, ListKind kind, String status, String fileName, String contentHash,
        String encoding, String uploadedBy, LocalDateTime uploadedAt, int basedOnVersion, int currentVersion, int rows,
        Map<MatchOutcome, Integer> outcomes, int awaitingReview, List<String> added, List<String> removed, List<String> changed,
        int catalogueChanges, DateOrderPolicy.Decision dateOrder, List<VersionChange.MemberChange> changes) {
}
