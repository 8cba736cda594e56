package org.residencymatch.jobs;

/**
 * How long work says how far it has gone: a sequence of named steps. The step's key is a message
 * key, so the progress page can name it in the reader's language.
 */
@FunctionalInterface
public interface Progress {

    /** Progress nobody watches (the API and command line wait for the whole answer). */
    Progress NONE = (stepKey, number, count) -> {
    };

    /** Work is now at step {@code number} (from 1) of {@code count}, described by {@code stepKey}. */
    void step(String stepKey, int number, int count);
}
