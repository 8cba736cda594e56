package org.residencymatch.help;

/** Where a help case stands. */
public enum HelpCaseStatus {
    /** The applicant asked; no answer yet. */
    OPEN,
    /** The operator answered; the case stays open for more answers until closed. */
    ANSWERED,
    /** The operator closed it. */
    CLOSED
}
