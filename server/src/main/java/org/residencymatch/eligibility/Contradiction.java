package org.residencymatch.eligibility;

import java.util.Objects;

/**
 * A disagreement between an applicant's profile and a received partner list, which an operator must
 * resolve. {@link #key()} identifies it stably, so the service can open a case once and close it
 * when the contradiction disappears.
 *
 * @param code stable code, e.g. {@code QUEBEC_REGULIER_NOT_ON_LIST}
 * @param list the list involved
 * @param listVersion the version of that list that shows the contradiction
 * @param explanation what is contradictory, in English and French
 */
public record Contradiction(String code, ListKind list, int listVersion, LocalizedText explanation) {

    public Contradiction {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Identifies the contradiction for an applicant independently of the list version. */
    public String key() {
        return code + ":" + list;
    }
}
