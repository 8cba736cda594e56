package org.residencymatch.reconciliation;

/** Where a reconciliation case stands. */
public enum CaseStatus {
    OPEN,
    /** An operator resolved it, with a note. */
    RESOLVED,
    /** The contradiction went away by itself (e.g. a new list version includes the applicant). */
    CLOSED_AUTOMATICALLY
}
