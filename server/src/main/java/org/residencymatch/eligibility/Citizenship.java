package org.residencymatch.eligibility;

/** The applicant's status in Canada, as verified by a third party or a document. */
public enum Citizenship {
    CITIZEN, PERMANENT_RESIDENT, OTHER
}
