package org.residencymatch.eligibility;

import java.util.Objects;

/** Which rules file produced a decision: cycle, iteration and the file's own version number. */
public record RulesFileId(String cycleId, int iteration, int version) {

    public RulesFileId {
        Objects.requireNonNull(cycleId, "cycleId");
    }

    @Override
    public String toString() {
        return cycleId + "/iteration-" + iteration + " v" + version;
    }
}
