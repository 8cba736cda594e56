package org.residencymatch.lists;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.residencymatch.eligibility.CmqApproval;

/** One applicant on a version of a partner list, with the list's extra data (null where the kind has none). */
public record ListMember(String applicantId, CmqApproval contingent, BigDecimal mmiScore, String assessmentOutcome) {

    /** The MMI score at the scale it is stored with (two decimals), so that 82, 82.0 and 82.00 are one score. */
    public ListMember {
        if (mmiScore != null) mmiScore = mmiScore.setScale(2, RoundingMode.HALF_UP);
    }

    public static ListMember of(String applicantId) {
        return new ListMember(applicantId, null, null, null);
    }
}
