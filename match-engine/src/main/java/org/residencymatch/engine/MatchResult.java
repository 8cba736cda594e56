package org.residencymatch.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.residencymatch.engine.audit.AuditReport;
import org.residencymatch.engine.audit.BlockingPair;

/**
 * The outcome of a match run: who is assigned where, whether the independent audit found the
 * matching stable, what blocks it if not, and counts. Immutable.
 */
public final class MatchResult {

    private final MatchInstance instance;
    private final int[] programOfApplicant;
    private final AuditReport audit;
    private final MatchStats stats;

    MatchResult(MatchInstance instance, int[] programOfApplicant, AuditReport audit, MatchStats stats) {
        this.instance = instance;
        this.programOfApplicant = programOfApplicant.clone();
        this.audit = audit;
        this.stats = stats;
    }

    /** The instance matched. */
    public MatchInstance instance() {
        return instance;
    }

    /**
     * Every applicant id, in declaration order, with the program stream id assigned, or
     * {@code null} when unmatched.
     */
    public Map<String, String> assignments() {
        Map<String, String> byId = new LinkedHashMap<>(programOfApplicant.length * 2);
        for (int a = 0; a < programOfApplicant.length; a++) {
            int program = programOfApplicant[a];
            byId.put(instance.applicantId(a), program < 0 ? null : instance.programId(program));
        }
        return Collections.unmodifiableMap(byId);
    }

    /** The stream assigned to an applicant, empty when unmatched. */
    public Optional<String> programOf(String applicantId) {
        int applicant = instance.applicantIndex(applicantId);
        if (applicant < 0) {
            throw new IllegalArgumentException("unknown applicant \"" + applicantId + "\"");
        }
        int program = programOfApplicant[applicant];
        return program < 0 ? Optional.empty() : Optional.of(instance.programId(program));
    }

    /** The stream index assigned to an applicant index, or {@code -1}. */
    public int programIndexOf(int applicant) {
        return programOfApplicant[applicant];
    }

    /** A copy of the dense assignment: stream index per applicant index, {@code -1} when unmatched. */
    public int[] programIndexByApplicant() {
        return programOfApplicant.clone();
    }

    /** Whether the audit found the matching valid and without blocking pairs. */
    public boolean stable() {
        return audit.stable();
    }

    /** The blocking pairs the audit found (empty when stable). */
    public List<BlockingPair> blocking() {
        return audit.blocking();
    }

    /** The independent stability audit of this result. */
    public AuditReport audit() {
        return audit;
    }

    public MatchStats stats() {
        return stats;
    }
}
