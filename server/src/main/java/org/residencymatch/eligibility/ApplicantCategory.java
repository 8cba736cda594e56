package org.residencymatch.eligibility;

/** Whether an applicant is a Canadian or an international medical graduate (US MD graduates are IMGs). */
public enum ApplicantCategory {
    CMG, IMG
}
