package org.residencymatch.eligibility;

/**
 * The Collège des médecins du Québec approval an IMG declares. The approval letter names one
 * contingent, never both.
 */
public enum CmqApproval {
    /** No CMQ approval (or none declared). */
    NONE,
    /** Contingent Régulier: applies through the match; BCI puts the applicant on the QIMG list. */
    REGULIER,
    /**
     * Contingent Particulier: applicants with postgraduate training in Canada or the USA (a
     * fellowship counts). Which channel they use is per-cycle data in the rules file.
     */
    PARTICULIER
}
