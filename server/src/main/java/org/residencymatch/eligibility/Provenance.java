package org.residencymatch.eligibility;

import java.util.Objects;

/**
 * Where a reason comes from: the rule and the rules file, and, when a partner list decided it, the
 * list kind and the list version ({@code listVersion} is null when the list has not been received).
 */
public record Provenance(String ruleId, RulesFileId rules, ListKind listKind, Integer listVersion) {

    public Provenance {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(rules, "rules");
        if (listKind == null && listVersion != null) {
            throw new IllegalArgumentException("a list version needs a list kind");
        }
    }

    /** A reason that no list decided. */
    static Provenance ofRule(String ruleId, RulesFileId rules) {
        return new Provenance(ruleId, rules, null, null);
    }
}
