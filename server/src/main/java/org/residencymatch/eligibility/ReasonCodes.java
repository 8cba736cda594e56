package org.residencymatch.eligibility;

/**
 * The reason codes the service and the tests refer to by name. Rules files may introduce further
 * codes (a new rule is a data change), so a reason's code is a string, not an enum.
 */
public final class ReasonCodes {
    public static final String AIMG_LIST_REQUIRED = "AIMG_LIST_REQUIRED";
    public static final String BCIMG_LIST_REQUIRED = "BCIMG_LIST_REQUIRED";
    public static final String QIMG_LIST_REQUIRED = "QIMG_LIST_REQUIRED";
    public static final String QUEBEC_PARTICULIER_APPLIES_DIRECTLY = "QUEBEC_PARTICULIER_APPLIES_DIRECTLY";
    /** The service opens a reconciliation case when it sees this code. */
    public static final String QUEBEC_REGULIER_NOT_ON_LIST = "QUEBEC_REGULIER_NOT_ON_LIST";
    public static final String LIST_NOT_YET_RECEIVED = "LIST_NOT_YET_RECEIVED";
    public static final String CMG_STREAM = "CMG_STREAM";
    public static final String IMG_STREAM = "IMG_STREAM";
    public static final String CITIZENSHIP_REQUIRED = "CITIZENSHIP_REQUIRED";
    public static final String PRIOR_POSTGRADUATE_TRAINING = "PRIOR_POSTGRADUATE_TRAINING";
    public static final String MILITARY_STREAM = "MILITARY_STREAM";
    public static final String PROVINCIAL_TIE_REQUIRED = "PROVINCIAL_TIE_REQUIRED";
    public static final String MCCQE1_REQUIRED = "MCCQE1_REQUIRED";
    public static final String NAC_REQUIRED = "NAC_REQUIRED";
    public static final String MD_NOT_COMPLETED_BY_START = "MD_NOT_COMPLETED_BY_START";
    public static final String QUEBEC_RECENCY_REQUIRED = "QUEBEC_RECENCY_REQUIRED";
    public static final String ONTARIO_HIGH_SCHOOL_REQUIRED = "ONTARIO_HIGH_SCHOOL_REQUIRED";

    /** A rule rests on a fact that is not verified, or was refused ({@link ProfileFact#notVerifiedCode()}). */
    public static final String CATEGORY_NOT_VERIFIED = "CATEGORY_NOT_VERIFIED";
    public static final String CITIZENSHIP_NOT_VERIFIED = "CITIZENSHIP_NOT_VERIFIED";
    public static final String DEGREE_NOT_VERIFIED = "DEGREE_NOT_VERIFIED";
    public static final String MCC_EXAMS_NOT_VERIFIED = "MCC_EXAMS_NOT_VERIFIED";
    public static final String CMQ_APPROVAL_NOT_VERIFIED = "CMQ_APPROVAL_NOT_VERIFIED";
    public static final String PROVINCIAL_TIES_NOT_VERIFIED = "PROVINCIAL_TIES_NOT_VERIFIED";
    public static final String MILITARY_PLAN_NOT_VERIFIED = "MILITARY_PLAN_NOT_VERIFIED";

    private ReasonCodes() {
    }
}
