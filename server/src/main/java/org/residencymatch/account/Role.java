package org.residencymatch.account;

/** Who a signed-in user is to the system. */
public enum Role {
    APPLICANT,
    /** A user of a partner body (AIMG, UBC-CAP, BCI) that sends an eligibility list. */
    PARTNER,
    /** Staff of a faculty's programs. */
    PROGRAM_STAFF,
    /** The match operator. */
    OPERATOR,
    /**
     * The help desk: finds applicants and reads their page, answers and closes their help requests; changes
     * nothing else (no release, no match run, no calendar, no list, no verification).
     */
    HELP_DESK
}
