package org.residencymatch.eligibility;

/** What a rule that rests on a fact decides while the fact is not verified. */
public enum VerificationPolicy {
    /** The applicant's word is enough: no verification, no mark. */
    SELF_DECLARED,
    /** Where a rule depends on the fact and it is not verified, the decision is PENDING. */
    BLOCKING,
    /**
     * The stream stays selectable, marked "subject to verification"; should the fact be refused, the
     * stream is no longer eligible, and applications to it are flagged and left out of the match.
     */
    PROVISIONAL
}
