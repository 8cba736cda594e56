package org.residencymatch.applicant;

import java.time.LocalDate;

/**
 * Who an applicant is: the keys partner lists use to find them (MINC, MCC candidate code, name and
 * date of birth) besides the system's own id.
 */
public record Identity(String applicantId, String familyName, String givenNames, LocalDate dateOfBirth, String email,
        String minc, String mccCandidateCode) {
}
