package org.residencymatch.lists;

import java.math.BigDecimal;
import org.residencymatch.eligibility.CmqApproval;

/** One applicant on a version of a partner list, with the list's extra data (null where the kind has none). */
public record ListMember(String applicantId, CmqApproval contingent, BigDecimal mmiScore, String assessmentOutcome) {
    public static ListMember of(String applicantId) {
        return new ListMember(applicantId, null, null, null);
    }
}
