package org.residencymatch.eligibility;

/** Who may verify a fact. */
public enum Verifier {
    /** The match operator's staff, from a document the applicant uploaded. */
    OPERATOR,
    /** A Canadian faculty, for its own students and graduates. */
    FACULTY,
    /** A partner body's list (AIMG, BC-CAP, BCI). */
    PARTNER_LIST,
    /** The Medical Council of Canada, for its exam results. */
    MCC
}
