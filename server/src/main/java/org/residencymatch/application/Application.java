package org.residencymatch.application;

import java.time.LocalDateTime;

/**
 * An applicant's application to a program stream in an iteration.
 *
 * @param flagCode set when a later list change made the stream no longer selectable for them: the
 *     application is kept, the applicant sees why, and the operator sees the flag
 */
public record Application(String cycleId, int iteration, String applicantId, String streamId, String status, LocalDateTime appliedAt,
        String flagCode) {

    public boolean active() {
        return status.equals("ACTIVE");
    }
}
