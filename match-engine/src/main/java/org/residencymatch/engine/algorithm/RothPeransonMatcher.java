package org.residencymatch.engine.algorithm;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.ProgressListener;

import static org.residencymatch.engine.MatchInstance.NO_PROGRAM;
import static org.residencymatch.engine.MatchInstance.UNRANKED;

/**
 * Applicant-proposing deferred acceptance in the Roth–Peranson form, with couples.
 *
 * <ol>
 *   <li><b>Singles.</b> Every single applicant walks down their ROL; each program stream holds
 *       its most preferred applicants up to its quota. Without couples this is the whole
 *       algorithm and yields the applicant-optimal stable matching, whatever the proposal order.</li>
 *   <li><b>Couples enter one at a time.</b> A couple walks down its list of pairs and is accepted
 *       only at a pair where <em>both</em> sides are taken at once (a {@code null} side needs
 *       nothing). Whoever it displaces re-applies, and so on along the chain until nobody is left
 *       to apply. When a couple member is displaced the partner withdraws too, and the couple
 *       resumes from its next pair.</li>
 *   <li><b>Stabilization rounds.</b> A withdrawal can leave a vacancy that someone rejected
 *       earlier would now take: the matching is checked for blocking pairs (programs that lost
 *       someone other than by their own choice, and every couple), each blocking single or couple
 *       re-applies from the entry where it blocks, and the chains are processed again. This
 *       repeats until nothing blocks.</li>
 *   <li><b>Cycles.</b> Plain Roth–Peranson may cycle, and with couples a stable matching may not
 *       exist at all. Every matching seen at the end of a round is fingerprinted; on a repeat the
 *       attempt switches to resolving one blocking pair at a time, chosen at random (Roth–Vande
 *       Vate random paths), drawn from the {@link SplittableRandom} it is given, so attempts are
 *       reproducible. After the given number of rounds the attempt ends with the best matching it
 *       saw (fewest blocking singles and couples), not converged; restarts with other couple
 *       orders are the {@link CouplesPortfolio}'s.</li>
 * </ol>
 *
 * <p>A "take" follows the match format: a stream takes a member when it ranks them and the member
 * can have a slot of its own, a free position or one of an assignee the stream ranks below them;
 * couple members already at that stream stay and are neither counted free nor displaced.
 *
 * <p>Roth and Peranson, "The redesign of the matching market for American physicians", AER 89(4),
 * 1999. Instances of this class are single-use and confined to one thread; the state lives in dense
 * {@code int} arrays indexed by applicant, program, couple and ROL entry.
 */
final class RothPeransonMatcher {

    private static final int NONE = -1;

    private final MatchInstance instance;
    private final ProgressListener progress;
    private final int applicants;
    private final int programs;
    private final int couples;

    // Singles: the ROL entry they hold (or NONE) and the next entry they would apply to.
    private int[] assignedEntry;
    private int[] nextEntry;
    // Couples: the pair entry they hold (or NONE) and the next pair entry they would apply to.
    private int[] assignedPair;
    private int[] nextPair;
    // Everyone: the program held, or NONE.
    private int[] programOf;
    // Programs: how many they hold, the worst rank held (NONE when empty), and which ranks are held
    // (indexed by program ROL entry, so rank r of program p is heldAtEntry[rolStart(p) + r]).
    private int[] heldCount;
    private int[] worstRank;
    private boolean[] heldAtEntry;

    // Work list of agents to apply: a single applicant a is a, a couple c is applicants + c.
    private int[] stack = new int[64];
    private int stackSize;

    // Programs that lost an assignee other than by rejecting them: where new blocking pairs can be.
    private final int[] dirtyPrograms;
    private final boolean[] isDirty;
    private int dirtyCount;

    // Blocking agents found by the last search, with the entry where each blocks first, and for
    // each single its index among them (NONE when not found): scratch reused every round.
    private int[] blockerAgent = new int[16];
    private int[] blockerEntry = new int[16];
    private final int[] blockerIndexOfSingle;

    private long proposals;

    /**
     * One attempt: singles, then the couples entering in the given order, then stabilization
     * rounds, switching to one random blocking agent at a time once a matching comes back.
     *
     * @param instance    the instance
     * @param coupleOrder the order in which couples enter
     * @param random      the draws of the random path, once a cycle is found
     * @param maxRounds   stabilization rounds at most
     * @param budget      the run's time budget, looked at every round
     * @param progress    progress reports
     * @return the outcome; its matching is the stable one reached, or the best one seen (fewest
     *         blocking agents) when the attempt does not settle
     */
    static MatchingOutcome attempt(MatchInstance instance, int[] coupleOrder, SplittableRandom random, int maxRounds,
            Budget budget, ProgressListener progress, String label) {
        return new RothPeransonMatcher(instance, progress).run(coupleOrder, random, maxRounds, budget, label);
    }

    private RothPeransonMatcher(MatchInstance instance, ProgressListener progress) {
        this.instance = instance;
        this.progress = progress;
        this.applicants = instance.applicantCount();
        this.programs = instance.programCount();
        this.couples = instance.coupleCount();
        this.dirtyPrograms = new int[programs];
        this.isDirty = new boolean[programs];
        this.blockerIndexOfSingle = new int[applicants];
        Arrays.fill(blockerIndexOfSingle, NONE);
    }

    private MatchingOutcome run(int[] order, SplittableRandom random, int maxRounds, Budget budget, String label) {
        initialiseEmpty();
        runSinglesOnly();
        if (couples == 0) {
            // No couple, no withdrawal: deferred acceptance alone is stable and applicant-optimal.
            return new MatchingOutcome(programOf, true, 1, 0, proposals, false);
        }
        int[] best = null;
        int bestBlocking = Integer.MAX_VALUE;
        long rounds = 0;
        boolean cycleDetected = false;
        enterCouples(order, label);
        Set<Long> seen = new HashSet<>();
        boolean randomPath = false;
        for (int round = 1; round <= maxRounds; round++) {
            rounds++;
            int blocking = findBlockingAgents();
            if (blocking < bestBlocking) {
                bestBlocking = blocking;
                best = programOf.clone();
            }
            if (blocking == 0) {
                return new MatchingOutcome(programOf, true, 1, rounds, proposals, cycleDetected);
            }
            if (budget.exhausted()) {
                break;
            }
            if (!randomPath && !seen.add(fingerprint())) {
                // Resolving every blocking pair at once came back to a matching already seen.
                cycleDetected = true;
                randomPath = true;
            }
            if (randomPath) {
                queueBlockingAgent(random.nextInt(blocking));
            } else {
                for (int i = 0; i < blocking; i++) {
                    queueBlockingAgent(i);
                }
            }
            if ((round & 63) == 0) {
                progress.progress("Roth-Peranson (" + label + "), stabilizing", round, maxRounds);
            }
            drain();
        }
        return new MatchingOutcome(best, false, 1, rounds, proposals, cycleDetected);
    }

    // ---- phases ---------------------------------------------------------------------------------

    private void initialiseEmpty() {
        assignedEntry = new int[applicants];
        nextEntry = new int[applicants];
        programOf = new int[applicants];
        Arrays.fill(assignedEntry, NONE);
        Arrays.fill(programOf, NONE);
        for (int a = 0; a < applicants; a++) {
            nextEntry[a] = instance.applicantRolStart(a);
        }
        assignedPair = new int[couples];
        nextPair = new int[couples];
        Arrays.fill(assignedPair, NONE);
        heldCount = new int[programs];
        worstRank = new int[programs];
        Arrays.fill(worstRank, NONE);
        heldAtEntry = new boolean[instance.programRolEntryCount()];
    }

    private void runSinglesOnly() {
        progress.progress("singles", 0, applicants);
        for (int a = applicants - 1; a >= 0; a--) {
            if (instance.coupleOf(a) < 0) {
                push(a);
            }
        }
        drain();
        progress.progress("singles", applicants, applicants);
    }

    private void enterCouples(int[] order, String label) {
        String phase = "Roth-Peranson (" + label + "), couples";
        for (int i = 0; i < order.length; i++) {
            int couple = order[i];
            nextPair[couple] = instance.couplePairStart(couple);
            push(applicants + couple);
            drain();
            if ((i & 127) == 0) {
                progress.progress(phase, i, order.length);
            }
        }
        progress.progress(phase, order.length, order.length);
    }

    /** Lets every queued agent apply, and everyone they displace, until nobody is left. */
    private void drain() {
        while (stackSize > 0) {
            int agent = stack[--stackSize];
            if (agent < applicants) {
                applySingle(agent);
            } else {
                applyCouple(agent - applicants);
            }
        }
    }

    // ---- singles --------------------------------------------------------------------------------

    /**
     * The single applies from {@code nextEntry} down to (not including) what it holds now, if
     * anything; it moves to the first program that takes it.
     */
    private void applySingle(int applicant) {
        int held = assignedEntry[applicant];
        int limit = held == NONE ? instance.applicantRolEnd(applicant) : held;
        for (int entry = nextEntry[applicant]; entry < limit; entry++) {
            int rank = instance.applicantRolProgramRank(entry);
            if (rank == UNRANKED) {
                continue;
            }
            proposals++;
            int program = instance.applicantRolProgram(entry);
            if (heldCount[program] < instance.quota(program)) {
                moveSingle(applicant, entry, program, rank);
                return;
            }
            if (rank < worstRank[program]) {
                // Full, and the applicant is preferred to the worst holder: that one is displaced.
                displace(program, worstRank[program]);
                moveSingle(applicant, entry, program, rank);
                return;
            }
        }
        nextEntry[applicant] = held == NONE ? limit : held + 1;
    }

    private void moveSingle(int applicant, int entry, int program, int rank) {
        int held = assignedEntry[applicant];
        if (held != NONE) {
            int oldProgram = instance.applicantRolProgram(held);
            release(oldProgram, instance.applicantRolProgramRank(held));
            markDirty(oldProgram);
        }
        hold(program, rank);
        assignedEntry[applicant] = entry;
        nextEntry[applicant] = entry + 1;
        programOf[applicant] = program;
    }

    // ---- couples --------------------------------------------------------------------------------

    /**
     * The couple applies from {@code nextPair} down to (not including) the pair it holds now, if
     * any; it moves to the first pair where both sides are taken.
     */
    private void applyCouple(int couple) {
        int held = assignedPair[couple];
        int limit = held == NONE ? instance.couplePairEnd(couple) : held;
        for (int pair = nextPair[couple]; pair < limit; pair++) {
            proposals++;
            if (pairTakesCouple(couple, pair)) {
                moveCouple(couple, pair);
                return;
            }
        }
        nextPair[couple] = held == NONE ? limit : held + 1;
    }

    /** Whether both non-null sides of the pair take the partner concerned, as in the format. */
    private boolean pairTakesCouple(int couple, int pair) {
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

    /**
     * Two members to one program, each needing a slot of its own (Hall's condition on two people):
     * the worse-ranked one needs one free-or-displaceable slot, the better-ranked one two.
     */
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

    private void moveCouple(int couple, int pair) {
        int first = instance.coupleFirst(couple);
        int second = instance.coupleSecond(couple);
        int firstProgram = instance.pairFirstProgram(pair);
        int secondProgram = instance.pairSecondProgram(pair);
        boolean firstMoves = programOf[first] != firstProgram;
        boolean secondMoves = programOf[second] != secondProgram;

        // Leave the old positions first: they become vacancies, possibly a blocking spot for others.
        int held = assignedPair[couple];
        if (held != NONE) {
            if (firstMoves && programOf[first] != NONE) {
                release(programOf[first], instance.pairFirstRank(held));
                markDirty(programOf[first]);
                programOf[first] = NONE;
            }
            if (secondMoves && programOf[second] != NONE) {
                release(programOf[second], instance.pairSecondRank(held));
                markDirty(programOf[second]);
                programOf[second] = NONE;
            }
        }
        assignedPair[couple] = pair;
        nextPair[couple] = pair + 1;
        if (firstMoves && firstProgram != NO_PROGRAM) {
            int needed = (secondMoves && secondProgram == firstProgram) ? 2 : 1;
            makeRoom(firstProgram, needed, first, second);
            hold(firstProgram, instance.pairFirstRank(pair));
            programOf[first] = firstProgram;
            // Displacing by slot rather than strictly the worst can leave someone ranked above an
            // assignee outside: let the stabilization round look at this program.
            markDirty(firstProgram);
        }
        if (secondMoves && secondProgram != NO_PROGRAM) {
            if (secondProgram != firstProgram || !firstMoves) {
                makeRoom(secondProgram, 1, first, second);
            }
            hold(secondProgram, instance.pairSecondRank(pair));
            programOf[second] = secondProgram;
            markDirty(secondProgram);
        }
    }

    /** Displaces the worst assignees (never this couple's members) until {@code needed} slots are free. */
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

    // ---- program bookkeeping -------------------------------------------------------------------

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

    /**
     * The program rejects the assignee it ranks {@code rank}, who applies again; a couple member's
     * partner withdraws with them, so the whole couple applies again.
     */
    private void displace(int program, int rank) {
        int applicant = instance.programRolApplicant(instance.programRolStart(program) + rank);
        release(program, rank);
        programOf[applicant] = NONE;
        int couple = instance.coupleOf(applicant);
        if (couple < 0) {
            assignedEntry[applicant] = NONE;
            push(applicant);
            return;
        }
        int pair = assignedPair[couple];
        int partner = instance.coupleFirst(couple) == applicant ? instance.coupleSecond(couple) : instance.coupleFirst(couple);
        if (programOf[partner] != NONE) {
            int partnerRank = partner == instance.coupleFirst(couple) ? instance.pairFirstRank(pair) : instance.pairSecondRank(pair);
            release(programOf[partner], partnerRank);
            markDirty(programOf[partner]);
            programOf[partner] = NONE;
        }
        assignedPair[couple] = NONE;
        push(applicants + couple);
    }

    private void markDirty(int program) {
        if (!isDirty[program]) {
            isDirty[program] = true;
            dirtyPrograms[dirtyCount++] = program;
        }
    }

    private void push(int agent) {
        if (stackSize == stack.length) {
            stack = Arrays.copyOf(stack, stackSize * 2);
        }
        stack[stackSize++] = agent;
    }

    // ---- stabilization --------------------------------------------------------------------------

    /**
     * Finds every single and couple in a blocking pair and the first entry of its list where it
     * blocks; returns how many. Singles can only block with a program that lost someone by
     * withdrawal or departure (elsewhere every rejection still stands), so only those programs are
     * scanned; a program where someone blocks stays marked until nobody does. Couples, being few,
     * are all checked.
     */
    private int findBlockingAgents() {
        int found = 0;
        int programsToScan = dirtyCount;
        dirtyCount = 0;
        for (int i = 0; i < programsToScan; i++) {
            int program = dirtyPrograms[i];
            isDirty[program] = false;
            int start = instance.programRolStart(program);
            int end = instance.programRolEnd(program);
            boolean vacancy = heldCount[program] < instance.quota(program);
            boolean blocks = false;
            // Ranks are visited best first: once the program is full and the rank reaches its worst
            // assignee, nobody further down can be taken.
            for (int entry = start; entry < end && (vacancy || entry - start < worstRank[program]); entry++) {
                if (heldAtEntry[entry]) {
                    continue;
                }
                int ownEntry = instance.programRolApplicantEntry(entry);
                if (ownEntry == UNRANKED) {
                    continue; // a couple member, or an applicant who did not rank this program
                }
                int applicant = instance.programRolApplicant(entry);
                int held = assignedEntry[applicant];
                if (held != NONE && ownEntry > held) {
                    continue; // prefers what it holds
                }
                blocks = true;
                int known = blockerIndexOfSingle[applicant];
                if (known == NONE) {
                    blockerIndexOfSingle[applicant] = found;
                    found = addBlocker(found, applicant, ownEntry);
                } else {
                    blockerEntry[known] = Math.min(blockerEntry[known], ownEntry);
                }
            }
            if (blocks) {
                // Re-marked here, after the list was reset: scanned again next round.
                markDirty(program);
            }
        }
        for (int i = 0; i < found; i++) {
            blockerIndexOfSingle[blockerAgent[i]] = NONE;
        }
        for (int couple = 0; couple < couples; couple++) {
            int held = assignedPair[couple];
            int limit = held == NONE ? instance.couplePairEnd(couple) : held;
            for (int pair = instance.couplePairStart(couple); pair < limit; pair++) {
                if (pairTakesCouple(couple, pair)) {
                    found = addBlocker(found, applicants + couple, pair);
                    break;
                }
            }
        }
        return found;
    }

    private int addBlocker(int found, int agent, int entry) {
        if (found == blockerAgent.length) {
            blockerAgent = Arrays.copyOf(blockerAgent, found * 2);
            blockerEntry = Arrays.copyOf(blockerEntry, found * 2);
        }
        blockerAgent[found] = agent;
        blockerEntry[found] = entry;
        return found + 1;
    }

    /** Points the i-th blocking agent found at the entry where it blocks, and queues it. */
    private void queueBlockingAgent(int i) {
        int agent = blockerAgent[i];
        if (agent < applicants) {
            nextEntry[agent] = blockerEntry[i];
        } else {
            nextPair[agent - applicants] = blockerEntry[i];
        }
        push(agent);
    }

    private long fingerprint() {
        long hash = 0x9E3779B97F4A7C15L;
        for (int a = 0; a < applicants; a++) {
            hash = (hash ^ (programOf[a] + 1)) * 0x100000001B3L;
            hash ^= hash >>> 29;
        }
        return hash;
    }
}
