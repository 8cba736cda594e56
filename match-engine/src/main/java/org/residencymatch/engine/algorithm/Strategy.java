package org.residencymatch.engine.algorithm;

/** The algorithms a run may use, each named in a result's stats by its {@link #id()}. */
public enum Strategy {
    /** Applicant-proposing deferred acceptance (Gale and Shapley 1962): instances without couples. */
    DEFERRED_ACCEPTANCE("deferred-acceptance"),
    /** Kojima, Pathak and Roth's sequential couples algorithm (QJE 2013, appendix B.2). */
    KOJIMA_PATHAK_ROTH("kojima-pathak-roth"),
    /** Roth and Peranson's algorithm (AER 1999) with stabilization rounds. */
    ROTH_PERANSON("roth-peranson"),
    /** Roth and Vande Vate's random paths to stability (Econometrica 1990) from the best matching seen. */
    RANDOM_PATHS("random-paths");

    private final String id;

    Strategy(String id) {
        this.id = id;
    }

    /** The name written in results, e.g. {@code "kojima-pathak-roth"}. */
    public String id() {
        return id;
    }
}
