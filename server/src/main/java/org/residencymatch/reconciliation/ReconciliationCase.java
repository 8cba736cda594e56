package org.residencymatch.reconciliation;

import java.time.LocalDateTime;
import java.util.List;
import org.residencymatch.eligibility.ListKind;

/**
 * A contradiction between an applicant's profile and a partner list, for the operator to resolve.
 *
 * @param listVersion the list version that showed the contradiction when the case was opened
 */
public record ReconciliationCase(
        long id,
        String cycleId,
        String applicantId,
        String code,
        ListKind listKind,
        int listVersion,
        CaseStatus status,
        String summaryEn,
        String summaryFr,
        LocalDateTime openedAt,
        LocalDateTime closedAt,
        String closedBy,
        String resolution,
        List<Comment> comments) {

    /** A note on a case by the operator (or the system). */
    public record Comment(String author, LocalDateTime writtenAt, String body) {
    }
}
