package org.residencymatch.eligibility;

import java.util.Comparator;
import java.util.Objects;

/**
 * Why a stream is not selectable: a stable code (e.g. {@code AIMG_LIST_REQUIRED}), the outcome this
 * reason causes, a message and a next step in English and French, and its provenance.
 */
public record Reason(
        String code, Decision outcome, LocalizedText message, NextStep nextStep, Provenance provenance) {

    /**
     * The order reasons are shown in: most severe first, then by code, then by rule id. It never
     * depends on the order of the rules file.
     */
    public static final Comparator<Reason> DISPLAY_ORDER = Comparator.comparing(Reason::outcome)
            .reversed()
            .thenComparing(Reason::code)
            .thenComparing(reason -> reason.provenance().ruleId());

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(nextStep, "nextStep");
        Objects.requireNonNull(provenance, "provenance");
        if (outcome == Decision.SELECTABLE) {
            throw new IllegalArgumentException("a reason explains a non-selectable outcome");
        }
    }
}
