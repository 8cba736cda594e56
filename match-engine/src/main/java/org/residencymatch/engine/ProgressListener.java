package org.residencymatch.engine;

/**
 * Receives progress reports from a long run (the engine itself does no I/O; a command line
 * prints these to the terminal). Called on the thread that runs the match; implementations must be
 * quick.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener SILENT = (phase, done, total) -> {
    };

    /**
     * @param phase a short description of the current phase, e.g. {@code "couples"}
     * @param done  units of work done in this phase
     * @param total units of work in this phase, or {@code -1} when unknown
     */
    void progress(String phase, long done, long total);
}
