package org.residencymatch.help;

import java.time.LocalDateTime;
import java.util.List;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.eligibility.Reason;

/**
 * An applicant's request for help about one program stream, with the decision exactly as they saw
 * it when they asked (the reasons keep their texts, next steps and provenance even after the rules or
 * the lists change) and the operator's answers.
 *
 * @param streamLabel the stream as it was described when the applicant asked
 * @param message what the applicant wrote, or null
 */
public record HelpCase(
        long id,
        String cycleId,
        String applicantId,
        int iteration,
        String streamId,
        String streamLabel,
        Decision decision,
        List<Reason> reasons,
        String message,
        HelpCaseStatus status,
        LocalDateTime openedAt,
        LocalDateTime closedAt,
        String closedBy,
        List<Answer> answers) {

    /** The operator's answer to the applicant. */
    public record Answer(String author, LocalDateTime writtenAt, String body) {
    }

    /** The reason codes in display order. */
    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }

    public boolean isClosed() {
        return status == HelpCaseStatus.CLOSED;
    }
}
