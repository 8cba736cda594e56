package org.residencymatch.eligibility;

/** A Medical Council of Canada exam result (MCCQE Part I, NAC), as the MCC data feed reports it. */
public enum ExamResult {
    PASSED, FAILED, NOT_TAKEN
}
