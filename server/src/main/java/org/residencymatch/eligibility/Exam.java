package org.residencymatch.eligibility;

/** The Medical Council of Canada exams the national IMG baseline asks for. */
public enum Exam {
    /** MCC Qualifying Examination Part I. */
    MCCQE1,
    /** National Assessment Collaboration examination. */
    NAC
}
