package org.residencymatch.lists;

import java.time.LocalDateTime;

/** A draft upload as the lists page names it: no difference to the current version is worked out. */
public record DraftSummary(long uploadId, String fileName, LocalDateTime uploadedAt, int rows, int awaitingReview) {
}
