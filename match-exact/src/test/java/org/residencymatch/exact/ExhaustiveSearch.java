package org.residencymatch.exact;

import java.util.Arrays;

import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.audit.StabilityAudit;

import static org.residencymatch.engine.MatchInstance.NO_PROGRAM;
import static org.residencymatch.engine.MatchInstance.UNRANKED;

/**
 * Tries every valid matching of a tiny instance (every single at one of its acceptable entries or
 * none, every couple at one of its acceptable pairs or none, within quotas) and asks the engine's
 * independent audit whether one is stable: the slowest, most obvious reading of "a stable matching
 * exists", shared with the SAT model only through the instance and the audit.
 */
final class ExhaustiveSearch {

    private final MatchInstance instance;
    private final int[] programOf;
    private final int[] held;

    private ExhaustiveSearch(MatchInstance instance) {
        this.instance = instance;
        this.programOf = new int[instance.applicantCount()];
        Arrays.fill(programOf, -1);
        this.held = new int[instance.programCount()];
    }

    /** A stable matching, or {@code null} when none exists. */
    static int[] findStable(MatchInstance instance) {
        return new ExhaustiveSearch(instance).search(0);
    }

    private int[] search(int agent) {
        int applicants = instance.applicantCount();
        if (agent == applicants + instance.coupleCount()) {
            return StabilityAudit.audit(instance, programOf).stable() ? programOf.clone() : null;
        }
        if (agent < applicants) {
            if (instance.coupleOf(agent) >= 0) {
                return search(agent + 1);
            }
            int[] found = search(agent + 1);
            for (int e = instance.applicantRolStart(agent); found == null && e < instance.applicantRolEnd(agent); e++) {
                int p = instance.applicantRolProgram(e);
                if (instance.applicantRolProgramRank(e) != UNRANKED && held[p] < instance.quota(p)) {
                    held[p]++;
                    programOf[agent] = p;
                    found = search(agent + 1);
                    programOf[agent] = -1;
                    held[p]--;
                }
            }
            return found;
        }
        int couple = agent - applicants;
        int first = instance.coupleFirst(couple);
        int second = instance.coupleSecond(couple);
        int[] found = search(agent + 1);
        for (int k = instance.couplePairStart(couple); found == null && k < instance.couplePairEnd(couple); k++) {
            int p1 = instance.pairFirstProgram(k);
            int p2 = instance.pairSecondProgram(k);
            if ((p1 != NO_PROGRAM && instance.pairFirstRank(k) == UNRANKED)
                    || (p2 != NO_PROGRAM && instance.pairSecondRank(k) == UNRANKED)) {
                continue;
            }
            if (p1 != NO_PROGRAM) {
                held[p1]++;
            }
            if (p2 != NO_PROGRAM) {
                held[p2]++;
            }
            if ((p1 == NO_PROGRAM || held[p1] <= instance.quota(p1)) && (p2 == NO_PROGRAM || held[p2] <= instance.quota(p2))) {
                programOf[first] = p1;
                programOf[second] = p2;
                found = search(agent + 1);
                programOf[first] = -1;
                programOf[second] = -1;
            }
            if (p1 != NO_PROGRAM) {
                held[p1]--;
            }
            if (p2 != NO_PROGRAM) {
                held[p2]--;
            }
        }
        return found;
    }
}
