package org.residencymatch.lists;

import java.time.LocalDate;

/** What identity matching knows of a registered applicant. */
public record KnownApplicant(String applicantId, String familyName, String givenNames, LocalDate dateOfBirth, String minc,
        String mccCandidateCode) {
}
