package org.residencymatch.eligibility;

/**
 * What an applicant may do with one program stream in one iteration. Declared in increasing order of
 * severity: when several rules fail, the most severe outcome wins.
 */
public enum Decision {
    /** The applicant may select the stream. */
    SELECTABLE,
    /** The partner list that decides it has not been received for this cycle yet. */
    PENDING,
    /** The applicant must use another channel (Québec Particulier: the universities directly). */
    APPLY_ELSEWHERE,
    /** The applicant may not select the stream. */
    NOT_ELIGIBLE;

    /** True if this outcome is more severe than {@code other}. */
    public boolean isMoreSevereThan(Decision other) {
        return compareTo(other) > 0;
    }
}
