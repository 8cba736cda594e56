package org.residencymatch.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.residencymatch.eligibility.CmqApproval;

/**
 * A row of an upload with its matching outcome and review.
 *
 * @param review NONE until a person confirms (CONFIRMED, with the applicant chosen) or rejects it
 */
public record UploadRow(int row, MatchOutcome outcome, String applicantId, List<String> candidates, String explanation,
        String givenApplicantId, String minc, String mccCandidateCode, String familyName, String givenNames, LocalDate dateOfBirth,
        CmqApproval contingent, BigDecimal mmiScore, String assessmentOutcome, Review review, String reviewedApplicantId) {

    /** A person's decision on a PROBABLE or CONFLICT row. */
    public enum Review {
        NONE, CONFIRMED, REJECTED
    }

    /** Whether the row still waits for a person. */
    public boolean awaitsReview() {
        return (outcome == MatchOutcome.PROBABLE || outcome == MatchOutcome.CONFLICT) && review == Review.NONE;
    }

    /** The applicant this row puts on the list when committed, or null if it puts nobody. */
    public String effectiveApplicant() {
        if (outcome == MatchOutcome.MATCHED) return applicantId;
        return review == Review.CONFIRMED ? reviewedApplicantId : null;
    }

    ListMember toMember() {
        return new ListMember(effectiveApplicant(), contingent, mmiScore, assessmentOutcome);
    }
}
