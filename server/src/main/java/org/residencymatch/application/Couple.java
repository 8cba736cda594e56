package org.residencymatch.application;

import java.time.LocalDateTime;

/** Two applicants who match together: PROPOSED by one, ACTIVE once the other accepts, DISSOLVED by either. */
public record Couple(long id, String cycleId, int iteration, String first, String second, String status, LocalDateTime proposedAt) {

    public boolean includes(String applicantId) {
        return first.equals(applicantId) || second.equals(applicantId);
    }
}
