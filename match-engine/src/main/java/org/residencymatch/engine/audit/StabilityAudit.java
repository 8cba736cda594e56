package org.residencymatch.engine.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.residencymatch.engine.MatchInstance;

import static org.residencymatch.engine.MatchInstance.NO_PROGRAM;
import static org.residencymatch.engine.MatchInstance.UNRANKED;

/**
 * An independent check that a matching is correct, implementing the definition of the match
 * format (docs/MATCH-FORMAT.md, "What a correct result is") directly:
 * <ol>
 *   <li>mutual acceptability: a single is assigned only to a stream on their ROL that ranks them; a
 *       couple only to one of its pairs, each non-null side ranking the partner;</li>
 *   <li>no stream over its quota;</li>
 *   <li>no blocking single (a stream it prefers <em>takes</em> it) and no blocking couple (a pair
 *       it prefers whose sides take every partner who would move, both together when they move to
 *       the same stream).</li>
 * </ol>
 * It is deliberately written apart from the matching algorithm and shares nothing with it but the
 * instance model, so that a mistake in one is not silently repeated in the other. It needs only the
 * final matching, and costs one pass over all the lists.
 */
public final class StabilityAudit {

    /** At most this many blocking pairs are listed in a report (all are counted). */
    public static final int MAX_REPORTED = 1000;

    private static final int UNASSIGNED = -1;

    private final MatchInstance instance;
    private final int[] programOf;
    private final List<String> violations = new ArrayList<>();
    private final List<BlockingPair> blocking = new ArrayList<>();
    private long blockingCount;

    /** Rank each applicant has at the stream assigned to them, or UNRANKED. */
    private final int[] rankAtAssignment;
    /**
     * Per stream p: holderStart[p] .. holderStart[p+1] is room for all its assignees, of which the
     * ones it ranks fill holderRanks[holderStart[p] .. rankedHolderEnd[p]] in increasing rank. An
     * assignee it does not rank (already a violation) still occupies a position.
     */
    private final int[] holderStart;
    private final int[] holderRanks;
    private final int[] rankedHolderEnd;

    private StabilityAudit(MatchInstance instance, int[] programOf) {
        this.instance = instance;
        this.programOf = programOf;
        int programs = instance.programCount();
        this.rankAtAssignment = new int[instance.applicantCount()];
        Arrays.fill(rankAtAssignment, UNRANKED);
        this.holderStart = new int[programs + 1];
        for (int program : programOf) {
            if (program != UNASSIGNED) {
                holderStart[program + 1]++;
            }
        }
        for (int p = 0; p < programs; p++) {
            holderStart[p + 1] += holderStart[p];
        }
        this.holderRanks = new int[holderStart[programs]];
        this.rankedHolderEnd = Arrays.copyOf(holderStart, programs);
    }

    /**
     * Audits a matching given by dense indices.
     *
     * @param instance           the instance
     * @param programOfApplicant for each applicant, its stream index or {@code -1}
     */
    public static AuditReport audit(MatchInstance instance, int[] programOfApplicant) {
        if (programOfApplicant.length != instance.applicantCount()) {
            throw new IllegalArgumentException("expected an assignment for each of " + instance.applicantCount()
                    + " applicants, got " + programOfApplicant.length);
        }
        return new StabilityAudit(instance, programOfApplicant.clone()).run();
    }

    /**
     * Audits a matching given by ids, as read from a result file: {@code matches} must name every
     * applicant of the instance (value {@code null} when unmatched) and only known streams.
     */
    public static AuditReport auditByIds(MatchInstance instance, Map<String, String> matches) {
        List<String> problems = new ArrayList<>();
        int[] programOf = new int[instance.applicantCount()];
        Arrays.fill(programOf, UNASSIGNED);
        boolean[] listed = new boolean[instance.applicantCount()];
        for (Map.Entry<String, String> match : matches.entrySet()) {
            int applicant = instance.applicantIndex(match.getKey());
            if (applicant < 0) {
                problems.add("matches: unknown applicant \"" + match.getKey() + "\"");
                continue;
            }
            listed[applicant] = true;
            if (match.getValue() != null) {
                int program = instance.programIndex(match.getValue());
                if (program < 0) {
                    problems.add("applicant \"" + match.getKey() + "\" is matched to unknown program \"" + match.getValue() + "\"");
                } else {
                    programOf[applicant] = program;
                }
            }
        }
        for (int a = 0; a < listed.length; a++) {
            if (!listed[a]) {
                problems.add("matches: applicant \"" + instance.applicantId(a) + "\" is missing (every applicant must be listed)");
            }
        }
        AuditReport report = new StabilityAudit(instance, programOf).run();
        if (problems.isEmpty()) {
            return report;
        }
        problems.addAll(report.violations());
        return new AuditReport(problems, report.blocking(), report.blockingCount());
    }

    private AuditReport run() {
        collectAssignees();
        checkQuotas();
        for (int a = 0; a < instance.applicantCount(); a++) {
            if (instance.coupleOf(a) < 0) {
                checkSingle(a);
            }
        }
        for (int c = 0; c < instance.coupleCount(); c++) {
            checkCouple(c);
        }
        return new AuditReport(violations, blocking, blockingCount);
    }

    /** Reads each stream's ROL once to learn the rank of everyone assigned to it. */
    private void collectAssignees() {
        int[] fill = rankedHolderEnd;
        for (int p = 0; p < instance.programCount(); p++) {
            int start = instance.programRolStart(p);
            for (int entry = start; entry < instance.programRolEnd(p); entry++) {
                int applicant = instance.programRolApplicant(entry);
                if (programOf[applicant] == p) {
                    rankAtAssignment[applicant] = entry - start;
                    holderRanks[fill[p]++] = entry - start;
                }
            }
        }
        for (int a = 0; a < programOf.length; a++) {
            if (programOf[a] != UNASSIGNED && rankAtAssignment[a] == UNRANKED) {
                violations.add("applicant \"" + instance.applicantId(a) + "\" is matched to \""
                        + instance.programId(programOf[a]) + "\", which does not rank them");
            }
        }
    }

    private void checkQuotas() {
        for (int p = 0; p < instance.programCount(); p++) {
            int assigned = holderStart[p + 1] - holderStart[p];
            if (assigned > instance.quota(p)) {
                violations.add("program \"" + instance.programId(p) + "\" holds " + assigned
                        + " applicants for a quota of " + instance.quota(p));
            }
        }
    }

    private void checkSingle(int applicant) {
        int assigned = programOf[applicant];
        int end = instance.applicantRolEnd(applicant);
        int current = end;
        if (assigned != UNASSIGNED) {
            for (int entry = instance.applicantRolStart(applicant); entry < end; entry++) {
                if (instance.applicantRolProgram(entry) == assigned) {
                    current = entry;
                    break;
                }
            }
            if (current == end) {
                violations.add("applicant \"" + instance.applicantId(applicant) + "\" is matched to \""
                        + instance.programId(assigned) + "\", which is not on their ROL");
            }
        }
        for (int entry = instance.applicantRolStart(applicant); entry < current; entry++) {
            int program = instance.applicantRolProgram(entry);
            int rank = instance.applicantRolProgramRank(entry);
            if (rank != UNRANKED && freePositions(program) + assigneesRankedBelow(program, rank) >= 1) {
                report(BlockingPair.single(instance.applicantId(applicant), instance.programId(program)));
            }
        }
    }

    private void checkCouple(int couple) {
        int first = instance.coupleFirst(couple);
        int second = instance.coupleSecond(couple);
        int firstAt = programOf[first] == UNASSIGNED ? NO_PROGRAM : programOf[first];
        int secondAt = programOf[second] == UNASSIGNED ? NO_PROGRAM : programOf[second];
        int end = instance.couplePairEnd(couple);
        int current = end;
        if (firstAt != NO_PROGRAM || secondAt != NO_PROGRAM) {
            for (int pair = instance.couplePairStart(couple); pair < end; pair++) {
                if (instance.pairFirstProgram(pair) == firstAt && instance.pairSecondProgram(pair) == secondAt) {
                    current = pair;
                    break;
                }
            }
            if (current == end) {
                violations.add("couple \"" + instance.coupleId(couple) + "\" is matched to ["
                        + idOrNull(firstAt) + ", " + idOrNull(secondAt) + "], which is not one of its pairs");
            }
        }
        for (int pair = instance.couplePairStart(couple); pair < current; pair++) {
            if (pairBlocks(couple, pair, firstAt, secondAt)) {
                report(BlockingPair.couple(instance.coupleId(couple),
                        programIdOrNull(instance.pairFirstProgram(pair)), programIdOrNull(instance.pairSecondProgram(pair))));
            }
        }
    }

    /**
     * Every partner whose side is not null and not already their assignment must be taken by that
     * side's stream; two partners moving into one stream must be taken together, each on a slot of
     * its own. Partners already at a stream are present: not free, not displaceable.
     */
    private boolean pairBlocks(int couple, int pair, int firstAt, int secondAt) {
        int first = instance.coupleFirst(couple);
        int second = instance.coupleSecond(couple);
        int firstTarget = instance.pairFirstProgram(pair);
        int secondTarget = instance.pairSecondProgram(pair);
        boolean firstMoves = firstTarget != NO_PROGRAM && firstTarget != firstAt;
        boolean secondMoves = secondTarget != NO_PROGRAM && secondTarget != secondAt;
        int firstRank = instance.pairFirstRank(pair);
        int secondRank = instance.pairSecondRank(pair);
        if ((firstMoves && firstRank == UNRANKED) || (secondMoves && secondRank == UNRANKED)) {
            return false;
        }
        if (firstMoves && secondMoves && firstTarget == secondTarget) {
            int free = freePositions(firstTarget);
            int better = Math.min(firstRank, secondRank);
            int worse = Math.max(firstRank, secondRank);
            // Hall's condition for two people: the worse-ranked partner needs one slot it can use,
            // the better-ranked one two (the worse one's plus its own).
            int forWorse = free + displaceableBelow(firstTarget, worse, first, second);
            int forBetter = free + displaceableBelow(firstTarget, better, first, second);
            return forWorse >= 1 && forBetter >= 2;
        }
        boolean firstTaken = !firstMoves
                || freePositions(firstTarget) + displaceableBelow(firstTarget, firstRank, first, second) >= 1;
        boolean secondTaken = !secondMoves
                || freePositions(secondTarget) + displaceableBelow(secondTarget, secondRank, first, second) >= 1;
        return firstTaken && secondTaken;
    }

    private int freePositions(int program) {
        return Math.max(0, instance.quota(program) - (holderStart[program + 1] - holderStart[program]));
    }

    /** Assignees of the stream it ranks below {@code rank}. */
    private int assigneesRankedBelow(int program, int rank) {
        int below = 0;
        for (int i = rankedHolderEnd[program] - 1; i >= holderStart[program] && holderRanks[i] > rank; i--) {
            below++;
        }
        return below;
    }

    /** Assignees ranked below {@code rank}, not counting the couple's own members (they are present). */
    private int displaceableBelow(int program, int rank, int memberA, int memberB) {
        int below = assigneesRankedBelow(program, rank);
        if (programOf[memberA] == program && rankAtAssignment[memberA] > rank) {
            below--;
        }
        if (programOf[memberB] == program && rankAtAssignment[memberB] > rank) {
            below--;
        }
        return below;
    }

    private void report(BlockingPair pair) {
        blockingCount++;
        if (blocking.size() < MAX_REPORTED) {
            blocking.add(pair);
        }
    }

    private String programIdOrNull(int program) {
        return program == NO_PROGRAM ? null : instance.programId(program);
    }

    private String idOrNull(int program) {
        return program == NO_PROGRAM ? "null" : "\"" + instance.programId(program) + "\"";
    }
}
