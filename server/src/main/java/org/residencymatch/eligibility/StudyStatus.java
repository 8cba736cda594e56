package org.residencymatch.eligibility;

/** Whether the applicant is still a final-year medical student or already holds the MD. */
public enum StudyStatus {
    FINAL_YEAR_STUDENT, GRADUATE
}
