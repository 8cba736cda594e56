package org.residencymatch.audit;

import java.time.LocalDateTime;

/**
 * What an operator looks for in the audit log; every part may be null (no constraint).
 *
 * @param actor  exact actor
 * @param action exact action, or, when it ends with a dot ({@code list.}), every action it begins
 * @param target the start of the target ({@code list:2025-R1/QIMG} finds every version of that list)
 * @param from   earliest time, inclusive (UTC)
 * @param until  latest time, exclusive (UTC)
 */
public record AuditFilter(String actor, String action, String target, LocalDateTime from, LocalDateTime until) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    public AuditFilter {
        actor = blankToNull(actor);
        action = blankToNull(action);
        target = blankToNull(target);
    }

    boolean actionIsPrefix() {
        return action != null && action.endsWith(".");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
