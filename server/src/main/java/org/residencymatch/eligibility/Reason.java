package org.residencymatch.eligibility;

import java.util.Comparator;
import java.util.Objects;

/**
 * Why a stream is not selectable: a stable code (e.g. {@code AIMG_LIST_REQUIRED}), the outcome this
 * reason causes, a message and a next step in English and French, and its provenance. A reason whose
 * outcome is SELECTABLE is a condition: the stream is selectable subject to it (a fact awaiting
 * verification under a provisional policy, e.g. {@code CITIZENSHIP_NOT_VERIFIED}).
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
    }

    /** True if this reason is a condition on a selectable stream rather than what closes it. */
    public boolean isCondition() {
        return outcome == Decision.SELECTABLE;
    }
}
