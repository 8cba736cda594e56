package org.residencymatch.lists;

/** How a list row was tied to an applicant. Only MATCHED rows apply without a person's review. */
public enum MatchOutcome {
    /** An exact key (MINC, applicant id, MCC code) found the applicant, and the name and date of birth agree. */
    MATCHED,
    /** Only name and date of birth agree, or a near match: a person must confirm. */
    PROBABLE,
    /** Keys point at different applicants, or a key disagrees with the name: a person must decide. */
    CONFLICT,
    /** Nobody registered matches the row. */
    UNMATCHED
}
