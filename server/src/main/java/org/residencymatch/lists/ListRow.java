package org.residencymatch.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.residencymatch.eligibility.CmqApproval;

/**
 * One data row of a partner list, checked and normalised (identifiers canonical, date parsed).
 *
 * @param row the row number as a spreadsheet shows it (the header is row 1)
 * @param mccCandidateCode ten digits, or nine when a digit was dropped ({@code mccPartial})
 */
public record ListRow(
        int row,
        String applicantId,
        String minc,
        String mccCandidateCode,
        boolean mccPartial,
        String familyName,
        String givenNames,
        LocalDate dateOfBirth,
        BigDecimal mmiScore,
        CmqApproval contingent,
        String assessmentOutcome) {
}
