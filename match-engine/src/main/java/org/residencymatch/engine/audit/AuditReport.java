package org.residencymatch.engine.audit;

import java.util.List;

/**
 * What the stability audit found about a matching.
 *
 * @param violations    validity problems: an assignment that is not mutually acceptable, a couple
 *                      assigned to a pair it did not rank, a stream over its quota, an unknown or
 *                      missing id; empty when the matching is valid
 * @param blocking      the blocking pairs found (at most {@link StabilityAudit#MAX_REPORTED} are
 *                      listed)
 * @param blockingCount how many blocking pairs there are in all
 */
public record AuditReport(List<String> violations, List<BlockingPair> blocking, long blockingCount) {

    public AuditReport {
        violations = List.copyOf(violations);
        blocking = List.copyOf(blocking);
    }

    /** Whether every assignment is acceptable to both sides and no quota is exceeded. */
    public boolean valid() {
        return violations.isEmpty();
    }

    /** Valid and without any blocking pair: the definition of a correct result in the format. */
    public boolean stable() {
        return valid() && blockingCount == 0;
    }

    /** Human-readable reasons, one a line; empty when stable. */
    public List<String> reasons() {
        List<String> reasons = new java.util.ArrayList<>(violations);
        for (BlockingPair pair : blocking) {
            reasons.add("blocking: " + pair);
        }
        if (blockingCount > blocking.size()) {
            reasons.add("... and " + (blockingCount - blocking.size()) + " more blocking pairs");
        }
        return reasons;
    }
}
