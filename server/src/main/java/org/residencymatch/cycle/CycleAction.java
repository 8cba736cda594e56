package org.residencymatch.cycle;

import static org.residencymatch.cycle.Phase.FILE_REVIEW;
import static org.residencymatch.cycle.Phase.INTERVIEWS;
import static org.residencymatch.cycle.Phase.MATCH;
import static org.residencymatch.cycle.Phase.PROGRAM_SELECTION;
import static org.residencymatch.cycle.Phase.REGISTRATION;
import static org.residencymatch.cycle.Phase.RESULTS_RELEASE;
import static org.residencymatch.cycle.Phase.ROL_DEADLINE;
import static org.residencymatch.cycle.Phase.ROL_OPEN;

import java.util.EnumSet;
import java.util.Set;

/**
 * The phase table: what people do in a cycle, and the phases of an iteration that allow it. It is the
 * one place a phase rule is written. Services refuse an action outside its phases through
 * {@link Cycle#require}; policies and pages ask {@link #allows}, {@link #notYetOpen} or {@link #closed}
 * (to show a read-only editor, or a reminder), so a page and the service never disagree.
 *
 * <p>Each action's phases follow one another: an action opens once and closes once per iteration.
 */
public enum CycleAction {
    /** Registering an account: while a new applicant can still declare a profile and select programs. */
    REGISTER(true, false, REGISTRATION, PROGRAM_SELECTION),
    /** An applicant changing the profile they declare (the facts others verify are another matter). */
    CHANGE_PROFILE(true, false, REGISTRATION, PROGRAM_SELECTION),
    /** Applying to a program stream. */
    SELECT_PROGRAMS(false, false, PROGRAM_SELECTION),
    /** Withdrawing an application: after program selection, files are reviewed as they stand. */
    WITHDRAW_APPLICATION(false, false, PROGRAM_SELECTION),
    /** Forming or dissolving a couple: until rank order lists lock, since a couple ranks pairs. */
    FORM_COUPLE(false, false, REGISTRATION, PROGRAM_SELECTION, FILE_REVIEW, INTERVIEWS, ROL_OPEN),
    /**
     * When people are reminded of their rank order lists (the applicant's checklist, the staff's streams
     * needing action): while lists are open, and during interviews, when they are about to open.
     */
    PREPARE_RANK_LIST(false, false, INTERVIEWS, ROL_OPEN),
    /** Editing or submitting a rank order list, an applicant's, a couple's or a stream's. */
    EDIT_RANK_LIST(false, false, ROL_OPEN),
    /**
     * Changing a stream's quota: the first iteration's match reads the quotas, and the second
     * iteration's positions are what the first left unfilled, so quotas freeze when the first match starts.
     */
    CHANGE_QUOTAS(true, true, REGISTRATION, PROGRAM_SELECTION, FILE_REVIEW, INTERVIEWS, ROL_OPEN, ROL_DEADLINE),
    /** Running the match (again, until results are released). */
    RUN_MATCH(false, false, MATCH, RESULTS_RELEASE),
    /** Releasing a run's results. */
    RELEASE_RESULTS(false, false, RESULTS_RELEASE);

    private final boolean firstIterationOnly;
    private final boolean openBeforeFirstPhase;
    private final Set<Phase> phases;

    CycleAction(boolean firstIterationOnly, boolean openBeforeFirstPhase, Phase first, Phase... rest) {
        this.firstIterationOnly = firstIterationOnly;
        this.openBeforeFirstPhase = openBeforeFirstPhase;
        this.phases = EnumSet.of(first, rest);
    }

    /** The phases that allow the action, in order. */
    public Set<Phase> phases() {
        return EnumSet.copyOf(phases);
    }

    /** Whether the first iteration's phases decide, whatever the iteration asked about (one profile, one registration, one quota per cycle). */
    public boolean firstIterationOnly() {
        return firstIterationOnly;
    }

    /** Whether the action is open before the iteration's first phase starts (quotas can be set before registration). */
    public boolean openBeforeFirstPhase() {
        return openBeforeFirstPhase;
    }

    /** The phase the action opens with. */
    public Phase first() {
        return phases.iterator().next();
    }

    /** The last phase that allows the action. */
    public Phase last() {
        Phase last = null;
        for (Phase phase : phases) last = phase;
        return last;
    }

    /** Whether the phase now allows the action ({@code current} null: before the iteration's first phase). */
    public boolean allows(Phase current) {
        return current == null ? openBeforeFirstPhase : phases.contains(current);
    }

    /** Whether the action is still to open in this iteration. */
    public boolean notYetOpen(Phase current) {
        return !allows(current) && (current == null || current.compareTo(first()) < 0);
    }

    /** Whether the action has closed for this iteration. */
    public boolean closed(Phase current) {
        return current != null && current.compareTo(last()) > 0;
    }
}
