package org.residencymatch.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome for one applicant and one stream, with every failing rule as a reason, ordered by
 * {@link Reason#DISPLAY_ORDER}. A selectable decision has no reasons but its conditions (reasons with a
 * SELECTABLE outcome: it is then provisional, "subject to verification"); any other has at least one
 * reason.
 */
public record EligibilityDecision(Decision decision, List<Reason> reasons) {

    /** The shared selectable outcome. */
    public static final EligibilityDecision SELECTABLE = new EligibilityDecision(Decision.SELECTABLE, List.of());

    public EligibilityDecision {
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
        if (decision != Decision.SELECTABLE && reasons.isEmpty()) {
            throw new IllegalArgumentException("only a selectable decision has no reasons");
        }
        if (decision == Decision.SELECTABLE && !reasons.stream().allMatch(Reason::isCondition)) {
            throw new IllegalArgumentException("a selectable decision has no reasons but its conditions");
        }
    }

    /**
     * Combines failing reasons: the decision is the most severe outcome among them, and the reasons
     * are sorted into display order. No reasons means selectable.
     */
    public static EligibilityDecision of(List<Reason> failing) {
        if (failing.isEmpty()) {
            return SELECTABLE;
        }
        List<Reason> sorted = new ArrayList<>(failing);
        sorted.sort(Reason.DISPLAY_ORDER);
        // Display order puts the most severe reason first.
        return new EligibilityDecision(sorted.get(0).outcome(), sorted);
    }

    public boolean isSelectable() {
        return decision == Decision.SELECTABLE;
    }

    /** Selectable, subject to the verification of the facts its conditions name. */
    public boolean isProvisional() {
        return decision == Decision.SELECTABLE && !reasons.isEmpty();
    }

    /** The reason codes in display order. */
    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
