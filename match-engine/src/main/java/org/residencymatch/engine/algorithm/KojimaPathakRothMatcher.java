package org.residencymatch.engine.algorithm;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.ProgressListener;

/**
 * The sequential couples algorithm of Kojima, Pathak and Roth ("Matching with couples: stability
 * and incentives in large markets", QJE 128(4), 2013, online appendix B.2), on the match format's
 * reading of "takes" (see {@link Placement}).
 *
 * <ol>
 *   <li>Applicant-proposing deferred acceptance among single applicants.</li>
 *   <li>Couples apply, in a given order, each down its list of pairs from the top; a couple is
 *       accepted at the first pair whose sides both take it. Whoever is displaced is queued: a
 *       displaced single, or the whole couple of a displaced member (the partner withdraws).</li>
 *   <li>Displaced singles apply again (the first time from the top of their list, then from where
 *       they stopped); steps 2 and 3 alternate, couples' queue first, until nobody is left to apply.</li>
 *   <li>If the matching is not stable (a withdrawal left a vacancy someone rejected earlier now
 *       prefers), every couple and every single, in the same orders, applies again from the top of
 *       its list, stopping at what it holds; again until nobody is left to apply, then check again.</li>
 * </ol>
 * <p>Step 4 is run without the work that cannot change anything: an applicant or couple re-applies
 * only if it may block, that is, if it blocked when last looked at or a stream of its list lost
 * someone since (elsewhere every position is as hard to take as it was, so re-applying from the top
 * would walk down to what it holds). The matchings are those of the algorithm as written, at a
 * fraction of the cost on large instances; the stability check looks at the same agents only.
 *
 * <p>The algorithm may go round for ever: as in the public implementation (Bacchus et al.,
 * {@code stable-matching-suite}), an attempt stops without a stable matching as soon as some
 * applicant or couple has applied to the same list entry {@code maxApplicationsPerEntry} times.
 *
 * <p>Single-use per attempt, confined to one thread; dense arrays only.
 */
final class KojimaPathakRothMatcher implements Placement.Listener {

    private static final int NONE = Placement.NONE;
    /** Look at the clock once in this many applications. */
    private static final int CLOCK_EVERY = 4096;

    private final MatchInstance instance;
    private final int applicants;
    private final int couples;
    private final Budget budget;
    private final ProgressListener progress;
    private final int maxApplicationsPerEntry;

    private final int[] nextEntry;
    private final int[] nextPair;
    private final int[] entryApplications;
    private final int[] pairApplications;
    private final IntQueue singlesQueue;
    private final IntQueue couplesQueue;
    private final CouplesByProgram couplesByProgram;
    /** Agents that may block (a single a as a, a couple c as applicants + c), tracked in step 4. */
    private final boolean[] mayBlock;
    private boolean tracking;
    /** False only in tests, to compare with the algorithm as written. */
    private final boolean skipUnchanged;

    private Placement placement;
    /** The matching, application counts and proposals after step 1, the same in every attempt. */
    private Placement afterSingles;
    private int[] applicationsAfterSingles;
    private long proposalsAfterSingles;
    private long proposals;
    private boolean limitReached;
    private boolean outOfTime;

    KojimaPathakRothMatcher(MatchInstance instance, CouplesByProgram couplesByProgram, Budget budget,
            ProgressListener progress, int maxApplicationsPerEntry) {
        this(instance, couplesByProgram, budget, progress, maxApplicationsPerEntry, true);
    }

    /** @param skipUnchanged whether step 4 skips the agents that cannot block (false: as written) */
    KojimaPathakRothMatcher(MatchInstance instance, CouplesByProgram couplesByProgram, Budget budget,
            ProgressListener progress, int maxApplicationsPerEntry, boolean skipUnchanged) {
        this.skipUnchanged = skipUnchanged;
        this.instance = instance;
        this.applicants = instance.applicantCount();
        this.couples = instance.coupleCount();
        this.budget = budget;
        this.progress = progress;
        this.maxApplicationsPerEntry = maxApplicationsPerEntry;
        this.nextEntry = new int[applicants];
        this.nextPair = new int[couples];
        this.entryApplications = new int[instance.applicantRolEntryCount()];
        this.pairApplications = new int[instance.pairEntryCount()];
        this.singlesQueue = new IntQueue(applicants);
        this.couplesQueue = new IntQueue(couples);
        this.couplesByProgram = couplesByProgram;
        this.mayBlock = new boolean[applicants + couples];
    }

    /**
     * One attempt from the empty matching, leaving its matching in {@code placement}.
     *
     * @param singlesOrder the single applicants, in the order they enter and are re-queued
     * @param couplesOrder the couples, in the order they enter and are re-queued
     * @param label        names the attempt in progress reports
     */
    AttemptOutcome run(Placement placement, int[] singlesOrder, int[] couplesOrder, String label) {
        return run(placement, singlesOrder, couplesOrder, null, false, label);
    }

    /**
     * One attempt from the empty matching, leaving its matching in {@code placement}.
     *
     * @param singlesOrder the single applicants, in the order they enter and are re-queued
     * @param couplesOrder the couples, in the order they enter and are re-queued
     * @param passOrders   when not null, each re-application pass of step 4 goes in orders shuffled
     *                     by it (the arrays given are shuffled in place) rather than the same orders
     * @param label        names the attempt in progress reports
     */
    AttemptOutcome run(Placement placement, int[] singlesOrder, int[] couplesOrder, SplittableRandom passOrders,
            boolean continueWhenDisplaced, String label) {
        start(placement);
        if (afterSingles != null) {
            // Step 1 ends on the same matching, after the same applications, in every order
            // (deferred acceptance among singles): done once per instance.
            placement.copyFrom(afterSingles);
            System.arraycopy(applicationsAfterSingles, 0, entryApplications, 0, entryApplications.length);
            proposals = proposalsAfterSingles;
        } else {
            // Step 1: deferred acceptance among singles.
            for (int a : singlesOrder) {
                singlesQueue.add(a);
            }
            applySingles(true);
            if (stopped()) {
                return outcome(false, 0);
            }
            afterSingles = new Placement(instance, null);
            afterSingles.copyFrom(placement);
            applicationsAfterSingles = entryApplications.clone();
            proposalsAfterSingles = proposals;
        }
        // Steps 2 to 4: couples enter; everyone starts again from the top of their list.
        for (int a = 0; a < applicants; a++) {
            nextEntry[a] = instance.applicantRolStart(a);
        }
        for (int c = 0; c < couples; c++) {
            nextPair[c] = instance.couplePairStart(c);
        }
        for (int c : couplesOrder) {
            couplesQueue.add(c);
        }
        alternate(true);
        return reapply(singlesOrder, couplesOrder, passOrders, continueWhenDisplaced, label);
    }

    private void start(Placement placement) {
        this.placement = placement;
        placement.setListener(this);
        placement.clear();
        proposals = 0;
        limitReached = false;
        outOfTime = false;
        tracking = false;
        Arrays.fill(mayBlock, false);
        Arrays.fill(entryApplications, 0);
        Arrays.fill(pairApplications, 0);
        singlesQueue.clear();
        couplesQueue.clear();
        for (int a = 0; a < applicants; a++) {
            nextEntry[a] = instance.applicantRolStart(a);
        }
    }

    /** Steps 5 and 6: while something blocks, everyone applies again from the top. */
    private AttemptOutcome reapply(int[] singlesOrder, int[] couplesOrder, SplittableRandom passOrders,
            boolean continueWhenDisplaced, String label) {
        long rounds = 0;
        Arrays.fill(mayBlock, true);
        tracking = skipUnchanged;
        while (!stopped()) {
            if (isStable()) {
                return outcome(true, rounds);
            }
            rounds++;
            if ((rounds & 7) == 0) {
                progress.progress("Kojima-Pathak-Roth (" + label + "), re-application pass", rounds, -1);
            }
            if (passOrders != null) {
                shuffle(singlesOrder, passOrders);
                shuffle(couplesOrder, passOrders);
            }
            for (int a : singlesOrder) {
                singlesQueue.add(a);
                nextEntry[a] = instance.applicantRolStart(a);
            }
            for (int c : couplesOrder) {
                couplesQueue.add(c);
                nextPair[c] = instance.couplePairStart(c);
            }
            alternate(continueWhenDisplaced);
        }
        return outcome(false, rounds);
    }

    static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private AttemptOutcome outcome(boolean stable, long rounds) {
        return new AttemptOutcome(stable, rounds, proposals, limitReached, outOfTime);
    }

    private boolean stopped() {
        return limitReached || outOfTime;
    }

    /** Couples' queue, then singles', until both are empty. */
    private void alternate(boolean fromLast) {
        while (!stopped() && (!couplesQueue.isEmpty() || !singlesQueue.isEmpty())) {
            applyCouples(fromLast);
            if (!stopped()) {
                applySingles(fromLast);
            }
        }
    }

    private void applySingles(boolean fromLast) {
        while (!singlesQueue.isEmpty()) {
            int applicant = singlesQueue.poll();
            int first = fromLast ? nextEntry[applicant] : instance.applicantRolStart(applicant);
            if (tracking) {
                if (!mayBlock[applicant]) {
                    continue; // would walk down to what it holds
                }
                // From the top, it stops at the first entry that takes it: nothing above does. From
                // further down (displaced during a randomized pass), an entry above may take it.
                mayBlock[applicant] = first != instance.applicantRolStart(applicant);
            }
            int end = instance.applicantRolEnd(applicant);
            int held = placement.assignedEntry[applicant];
            for (int entry = first; entry < end; entry++) {
                nextEntry[applicant] = entry + 1;
                if (entry == held) {
                    break;
                }
                if (countApplication(entryApplications, entry)) {
                    return;
                }
                if (placement.singleTakes(entry)) {
                    placement.placeSingle(applicant, entry);
                    break;
                }
            }
        }
    }

    private void applyCouples(boolean fromLast) {
        while (!couplesQueue.isEmpty()) {
            int couple = couplesQueue.poll();
            int first = fromLast ? nextPair[couple] : instance.couplePairStart(couple);
            if (tracking) {
                if (!mayBlock[applicants + couple]) {
                    continue;
                }
                // As for singles; and a couple that moves changes where its members are present:
                // looked at again.
                mayBlock[applicants + couple] = first != instance.couplePairStart(couple);
            }
            int end = instance.couplePairEnd(couple);
            int held = placement.assignedPair[couple];
            for (int pair = first; pair < end; pair++) {
                nextPair[couple] = pair + 1;
                if (pair == held) {
                    break;
                }
                if (countApplication(pairApplications, pair)) {
                    return;
                }
                if (placement.coupleTakes(couple, pair)) {
                    placement.placeCouple(couple, pair);
                    mayBlock[applicants + couple] = tracking;
                    break;
                }
            }
        }
    }

    /** Counts one application; true when the attempt must stop (cycle limit or time). */
    private boolean countApplication(int[] counts, int entry) {
        proposals++;
        if (++counts[entry] >= maxApplicationsPerEntry) {
            limitReached = true;
            return true;
        }
        if ((proposals % CLOCK_EVERY) == 0 && budget.exhausted()) {
            outOfTime = true;
            return true;
        }
        return false;
    }

    /** Whether nothing blocks; agents found not to block are no longer looked at. */
    private boolean isStable() {
        if (!tracking) {
            Arrays.fill(mayBlock, true);
        }
        boolean stable = true;
        for (int a = 0; a < applicants; a++) {
            if (mayBlock[a]) {
                mayBlock[a] = instance.coupleOf(a) < 0 && placement.firstBlockingEntry(a) != NONE;
                stable &= !mayBlock[a];
            }
        }
        for (int c = 0; c < couples; c++) {
            if (mayBlock[applicants + c]) {
                mayBlock[applicants + c] = placement.firstBlockingPair(c) != NONE;
                stable &= !mayBlock[applicants + c];
            }
        }
        return stable;
    }

    @Override
    public void displaced(int agent) {
        mayBlock[agent] = tracking;
        if (agent < applicants) {
            singlesQueue.add(agent);
        } else {
            couplesQueue.add(agent - applicants);
        }
    }

    @Override
    public void vacated(int program) {
        if (!tracking) {
            return; // step 4 starts by looking at everyone (or always does, as written)
        }
        // Singles the stream would take now and who prefer it to what they hold; ranks are
        // visited best first, so once the stream is full and past its worst assignee, nobody more.
        int start = instance.programRolStart(program);
        int end = instance.programRolEnd(program);
        boolean vacancy = placement.hasVacancy(program);
        int worst = placement.worstRank(program);
        for (int j = start; j < end && (vacancy || j - start < worst); j++) {
            int ownEntry = instance.programRolApplicantEntry(j);
            if (ownEntry == MatchInstance.UNRANKED) {
                continue; // a couple member (looked at below), or someone who did not rank it
            }
            int applicant = instance.programRolApplicant(j);
            int held = placement.assignedEntry[applicant];
            if (held == NONE || ownEntry < held) {
                mayBlock[applicant] = true;
            }
        }
        for (int i = couplesByProgram.start(program); i < couplesByProgram.end(program); i++) {
            mayBlock[applicants + couplesByProgram.couple(i)] = true;
        }
    }

    /** A FIFO of distinct ints {@code 0..capacity-1}. */
    static final class IntQueue {
        private final int[] items;
        private final boolean[] queued;
        private int head;
        private int size;

        IntQueue(int capacity) {
            items = new int[Math.max(1, capacity)];
            queued = new boolean[Math.max(1, capacity)];
        }

        void add(int item) {
            if (!queued[item]) {
                queued[item] = true;
                items[(head + size++) % items.length] = item;
            }
        }

        int poll() {
            int item = items[head];
            head = (head + 1) % items.length;
            size--;
            queued[item] = false;
            return item;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            while (size > 0) {
                poll();
            }
            head = 0;
        }
    }
}
