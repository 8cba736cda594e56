package org.residencymatch.eligibility;

import java.math.BigDecimal;

/**
 * An applicant's entry on a received partner list, with the extra data the list may carry. Fields
 * that the list kind does not carry are null.
 *
 * @param listVersion the version of the list the entry belongs to
 * @param qimgContingent QIMG only: the CMQ contingent BCI reports
 * @param aimgMmiScore AIMG only: the MMI interview score
 * @param bcimgOutcome BCIMG only: the BC-CAP assessment outcome
 */
public record ListMembership(
        int listVersion, CmqApproval qimgContingent, BigDecimal aimgMmiScore, String bcimgOutcome) {

    /** An entry without extra data. */
    public static ListMembership of(int listVersion) {
        return new ListMembership(listVersion, null, null, null);
    }
}
