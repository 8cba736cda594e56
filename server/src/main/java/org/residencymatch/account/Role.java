package org.residencymatch.account;

/** Who a signed-in user is to the system. */
public enum Role {
    APPLICANT,
    /** A user of a partner body (AIMG, UBC-CAP, BCI) that sends an eligibility list. */
    PARTNER,
    /** Staff of a faculty's programs. */
    PROGRAM_STAFF,
    /** The match operator. */
    OPERATOR
}
