package org.residencymatch.engine.algorithm;

import java.util.Arrays;

import org.residencymatch.engine.MatchInstance;

import static org.residencymatch.engine.MatchInstance.NO_PROGRAM;
import static org.residencymatch.engine.MatchInstance.UNRANKED;

/**
 * A matching under construction, shared by the couples strategies ({@link KojimaPathakRothMatcher},
 * {@link RandomPathsMatcher}): who holds which ROL entry or pair, and for every stream how many it
 * holds, which ranks and its worst rank held, in dense arrays.
 *
 * <p>"Takes" follows MATCH-FORMAT.md exactly (the audit's reading): a stream takes a member when it
 * ranks them and the member can have a slot of its own, a free position or one of an assignee the
 * stream ranks below them; members of the couple concerned who are at that stream are present,
 * neither free nor displaceable; two partners moving into one stream need a slot each (Hall's
 * condition on two people).
 *
 * <p>Whoever is displaced is unassigned (a couple as a whole: the partner withdraws too) and
 * reported to the {@link Listener}, as is every stream that loses someone other than by its own
 * choice. Single-threaded.
 */
final class Placement {

    static final int NONE = -1;

    /** What a placement tells its algorithm. */
    interface Listener {
        /** An agent lost its place: a single applicant {@code a} as {@code a}, a couple {@code c} as {@code applicants + c}. */
        void displaced(int agent);

        /** A stream lost an assignee by the assignee's own move or a partner's withdrawal. */
        void vacated(int program);
    }

    private final MatchInstance instance;
    private final int applicants;
    private Listener listener;

    /** Everyone: the stream held, or NONE. */
    final int[] programOf;
    /** Singles: the ROL entry held, or NONE. */
    final int[] assignedEntry;
    /** Couples: the pair entry held, or NONE. */
    final int[] assignedPair;
    private final int[] heldCount;
    private final int[] worstRank;
    private final boolean[] heldAtEntry;

    Placement(MatchInstance instance, Listener listener) {
        this.instance = instance;
        this.applicants = instance.applicantCount();
        this.listener = listener;
        this.programOf = new int[applicants];
        this.assignedEntry = new int[applicants];
        this.assignedPair = new int[instance.coupleCount()];
        this.heldCount = new int[instance.programCount()];
        this.worstRank = new int[instance.programCount()];
        this.heldAtEntry = new boolean[instance.programRolEntryCount()];
        clear();
    }

    void setListener(Listener listener) {
        this.listener = listener;
    }

    /** Everybody unassigned. */
    void clear() {
        Arrays.fill(programOf, NONE);
        Arrays.fill(assignedEntry, NONE);
        Arrays.fill(assignedPair, NONE);
        Arrays.fill(heldCount, 0);
        Arrays.fill(worstRank, NONE);
        Arrays.fill(heldAtEntry, false);
    }

    /** Becomes a copy of another placement of the same instance (the listener stays). */
    void copyFrom(Placement other) {
        System.arraycopy(other.programOf, 0, programOf, 0, programOf.length);
        System.arraycopy(other.assignedEntry, 0, assignedEntry, 0, assignedEntry.length);
        System.arraycopy(other.assignedPair, 0, assignedPair, 0, assignedPair.length);
        System.arraycopy(other.heldCount, 0, heldCount, 0, heldCount.length);
        System.arraycopy(other.worstRank, 0, worstRank, 0, worstRank.length);
        System.arraycopy(other.heldAtEntry, 0, heldAtEntry, 0, heldAtEntry.length);
    }

    /**
     * Loads a matching given as a stream per applicant. Every assignment must be mutually
     * acceptable and within quotas (as every matching the strategies produce is).
     */
    void load(int[] programOfApplicant) {
        clear();
        for (int a = 0; a < applicants; a++) {
            int program = programOfApplicant[a];
            if (program == NONE || instance.coupleOf(a) >= 0) {
                continue;
            }
            for (int e = instance.applicantRolStart(a); e < instance.applicantRolEnd(a); e++) {
                if (instance.applicantRolProgram(e) == program) {
                    hold(program, instance.applicantRolProgramRank(e));
                    assignedEntry[a] = e;
                    programOf[a] = program;
                    break;
                }
            }
        }
        for (int c = 0; c < assignedPair.length; c++) {
            int first = instance.coupleFirst(c);
            int second = instance.coupleSecond(c);
            int firstAt = programOfApplicant[first];
            int secondAt = programOfApplicant[second];
            if (firstAt == NONE && secondAt == NONE) {
                continue;
            }
            for (int pair = instance.couplePairStart(c); pair < instance.couplePairEnd(c); pair++) {
                if (instance.pairFirstProgram(pair) == firstAt && instance.pairSecondProgram(pair) == secondAt) {
                    assignedPair[c] = pair;
                    if (firstAt != NONE) {
                        hold(firstAt, instance.pairFirstRank(pair));
                        programOf[first] = firstAt;
                    }
                    if (secondAt != NONE) {
                        hold(secondAt, instance.pairSecondRank(pair));
                        programOf[second] = secondAt;
                    }
                    break;
                }
            }
        }
    }

    // ---- singles --------------------------------------------------------------------------------

    /** Whether the stream at this ROL entry takes its single applicant. */
    boolean singleTakes(int entry) {
        int rank = instance.applicantRolProgramRank(entry);
        if (rank == UNRANKED) {
            return false;
        }
        int program = instance.applicantRolProgram(entry);
        return heldCount[program] < instance.quota(program) || rank < worstRank[program];
    }

    /** Moves the single to the entry's stream (which must take it), displacing the worst if full. */
    void placeSingle(int applicant, int entry) {
        int program = instance.applicantRolProgram(entry);
        int rank = instance.applicantRolProgramRank(entry);
        int held = assignedEntry[applicant];
        if (held != NONE) {
            int oldProgram = instance.applicantRolProgram(held);
            release(oldProgram, instance.applicantRolProgramRank(held));
            programOf[applicant] = NONE;
            assignedEntry[applicant] = NONE;
            listener.vacated(oldProgram);
        }
        if (heldCount[program] >= instance.quota(program)) {
            displace(program, worstRank[program]);
        }
        hold(program, rank);
        assignedEntry[applicant] = entry;
        programOf[applicant] = program;
    }

    /** Whether the stream has a free position. */
    boolean hasVacancy(int program) {
        return heldCount[program] < instance.quota(program);
    }

    /** The worst rank the stream holds, or NONE when it holds nobody. */
    int worstRank(int program) {
        return worstRank[program];
    }

    // ---- couples --------------------------------------------------------------------------------

    /** Whether both non-null sides of the pair take the partner concerned, as in the format. */
    boolean coupleTakes(int couple, int pair) {
        int first = instance.coupleFirst(couple);
        int second = instance.coupleSecond(couple);
        int firstProgram = instance.pairFirstProgram(pair);
        int secondProgram = instance.pairSecondProgram(pair);
        int firstRank = instance.pairFirstRank(pair);
        int secondRank = instance.pairSecondRank(pair);
        boolean firstMoves = firstProgram != NO_PROGRAM && programOf[first] != firstProgram;
        boolean secondMoves = secondProgram != NO_PROGRAM && programOf[second] != secondProgram;
        if ((firstMoves && firstRank == UNRANKED) || (secondMoves && secondRank == UNRANKED)) {
            return false;
        }
        if (firstMoves && secondMoves && firstProgram == secondProgram) {
            return takesBoth(firstProgram, Math.min(firstRank, secondRank), Math.max(firstRank, secondRank), first, second);
        }
        return (!firstMoves || takesOne(firstProgram, firstRank, first, second))
                && (!secondMoves || takesOne(secondProgram, secondRank, first, second));
    }

    /** A free position, or an assignee (not of this couple) ranked below {@code rank}. */
    private boolean takesOne(int program, int rank, int memberA, int memberB) {
        if (heldCount[program] < instance.quota(program)) {
            return true;
        }
        return worstHolderAbove(program, worstRank[program], memberA, memberB) > rank;
    }

    /** Two members into one stream: the worse-ranked needs one usable slot, the better-ranked two. */
    private boolean takesBoth(int program, int betterRank, int worseRank, int memberA, int memberB) {
        int free = instance.quota(program) - heldCount[program];
        if (free >= 2) {
            return true;
        }
        int worst = worstHolderAbove(program, worstRank[program], memberA, memberB);
        if (free == 1) {
            return worst > betterRank;
        }
        if (worst <= worseRank) {
            return false;
        }
        int secondWorst = worstHolderAbove(program, worst - 1, memberA, memberB);
        return secondWorst > betterRank;
    }

    /** Moves the couple to the pair (which must take it), displacing whoever it must. */
    void placeCouple(int couple, int pair) {
        int first = instance.coupleFirst(couple);
        int second = instance.coupleSecond(couple);
        int firstProgram = instance.pairFirstProgram(pair);
        int secondProgram = instance.pairSecondProgram(pair);
        boolean firstMoves = programOf[first] != firstProgram;
        boolean secondMoves = programOf[second] != secondProgram;
        int held = assignedPair[couple];
        if (held != NONE) {
            if (firstMoves && programOf[first] != NONE) {
                int old = programOf[first];
                release(old, instance.pairFirstRank(held));
                programOf[first] = NONE;
                listener.vacated(old);
            }
            if (secondMoves && programOf[second] != NONE) {
                int old = programOf[second];
                release(old, instance.pairSecondRank(held));
                programOf[second] = NONE;
                listener.vacated(old);
            }
        }
        assignedPair[couple] = pair;
        if (firstMoves && firstProgram != NO_PROGRAM) {
            int needed = (secondMoves && secondProgram == firstProgram) ? 2 : 1;
            makeRoom(firstProgram, needed, first, second);
            hold(firstProgram, instance.pairFirstRank(pair));
            programOf[first] = firstProgram;
            // Displacing by slot rather than strictly the worst can leave someone ranked above an
            // assignee outside: a stream to look at again.
            listener.vacated(firstProgram);
        }
        if (secondMoves && secondProgram != NO_PROGRAM) {
            if (secondProgram != firstProgram || !firstMoves) {
                makeRoom(secondProgram, 1, first, second);
            }
            hold(secondProgram, instance.pairSecondRank(pair));
            programOf[second] = secondProgram;
            listener.vacated(secondProgram);
        }
    }

    private void makeRoom(int program, int needed, int memberA, int memberB) {
        while (instance.quota(program) - heldCount[program] < needed) {
            int rank = worstHolderAbove(program, worstRank[program], memberA, memberB);
            if (rank == NONE) {
                throw new IllegalStateException("no one to displace at program " + instance.programId(program)
                        + ": the take check and the move disagree");
            }
            displace(program, rank);
        }
    }

    // ---- blocking -------------------------------------------------------------------------------

    /** The first entry above what the single holds where it blocks, or NONE. */
    int firstBlockingEntry(int applicant) {
        int held = assignedEntry[applicant];
        int limit = held == NONE ? instance.applicantRolEnd(applicant) : held;
        for (int entry = instance.applicantRolStart(applicant); entry < limit; entry++) {
            if (singleTakes(entry)) {
                return entry;
            }
        }
        return NONE;
    }

    /** The first pair above what the couple holds where it blocks, or NONE. */
    int firstBlockingPair(int couple) {
        int held = assignedPair[couple];
        int limit = held == NONE ? instance.couplePairEnd(couple) : held;
        for (int pair = instance.couplePairStart(couple); pair < limit; pair++) {
            if (coupleTakes(couple, pair)) {
                return pair;
            }
        }
        return NONE;
    }

    /** Blocking pairs, as the audit counts them (every entry above what an agent holds where it is taken). */
    long blockingPairs() {
        long count = 0;
        for (int a = 0; a < applicants; a++) {
            if (instance.coupleOf(a) >= 0) {
                continue;
            }
            int held = assignedEntry[a];
            int limit = held == NONE ? instance.applicantRolEnd(a) : held;
            for (int entry = instance.applicantRolStart(a); entry < limit; entry++) {
                if (singleTakes(entry)) {
                    count++;
                }
            }
        }
        for (int c = 0; c < assignedPair.length; c++) {
            int held = assignedPair[c];
            int limit = held == NONE ? instance.couplePairEnd(c) : held;
            for (int pair = instance.couplePairStart(c); pair < limit; pair++) {
                if (coupleTakes(c, pair)) {
                    count++;
                }
            }
        }
        return count;
    }

    int matchedCount() {
        int matched = 0;
        for (int program : programOf) {
            if (program != NONE) {
                matched++;
            }
        }
        return matched;
    }

    // ---- stream bookkeeping ---------------------------------------------------------------------

    /** The worst rank at or above {@code fromRank} held by someone other than the two members, or NONE. */
    private int worstHolderAbove(int program, int fromRank, int memberA, int memberB) {
        int start = instance.programRolStart(program);
        for (int rank = fromRank; rank >= 0; rank--) {
            if (heldAtEntry[start + rank]) {
                int holder = instance.programRolApplicant(start + rank);
                if (holder != memberA && holder != memberB) {
                    return rank;
                }
            }
        }
        return NONE;
    }

    private void hold(int program, int rank) {
        heldAtEntry[instance.programRolStart(program) + rank] = true;
        heldCount[program]++;
        if (rank > worstRank[program]) {
            worstRank[program] = rank;
        }
    }

    private void release(int program, int rank) {
        int start = instance.programRolStart(program);
        heldAtEntry[start + rank] = false;
        heldCount[program]--;
        if (rank == worstRank[program]) {
            int worst = rank - 1;
            while (worst >= 0 && !heldAtEntry[start + worst]) {
                worst--;
            }
            worstRank[program] = heldCount[program] == 0 ? NONE : worst;
        }
    }

    /** The stream rejects the assignee it ranks {@code rank}; a couple member's partner withdraws too. */
    private void displace(int program, int rank) {
        int applicant = instance.programRolApplicant(instance.programRolStart(program) + rank);
        release(program, rank);
        programOf[applicant] = NONE;
        int couple = instance.coupleOf(applicant);
        if (couple < 0) {
            assignedEntry[applicant] = NONE;
            listener.displaced(applicant);
            return;
        }
        int pair = assignedPair[couple];
        int partner = instance.coupleFirst(couple) == applicant ? instance.coupleSecond(couple) : instance.coupleFirst(couple);
        if (programOf[partner] != NONE) {
            int partnerRank = partner == instance.coupleFirst(couple) ? instance.pairFirstRank(pair) : instance.pairSecondRank(pair);
            int old = programOf[partner];
            release(old, partnerRank);
            programOf[partner] = NONE;
            listener.vacated(old);
        }
        assignedPair[couple] = NONE;
        listener.displaced(applicants + couple);
    }
}
