package org.residencymatch.cycle;

/** The dated phases of an iteration, in order. A phase lasts until the next one starts. */
public enum Phase {
    REGISTRATION, PROGRAM_SELECTION,
    /** After this starts, applications can no longer be changed, only annotated. */
    FILE_REVIEW, INTERVIEWS, ROL_OPEN,
    /** The one hard deadline: rank order lists lock and nothing changes after it. */
    ROL_DEADLINE, MATCH, RESULTS_RELEASE
}
