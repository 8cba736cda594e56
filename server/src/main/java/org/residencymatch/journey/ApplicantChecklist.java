package org.residencymatch.journey;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.residencymatch.cycle.CycleAction;
import org.residencymatch.cycle.Phase;

/**
 * What is left for an applicant to do in an iteration, worked out from where they stand: a pure
 * policy, so the dashboard shows what the rules say and the tests can say it without a database.
 * Every step says whether it is done, and names the page where it is done.
 */
public final class ApplicantChecklist {

    private ApplicantChecklist() {
    }

    /**
     * Where an applicant stands. {@code phase} is null before the iteration's first phase.
     * {@code somethingToRank}: whether a rank order list could hold anything, that is the applicant applied
     * somewhere, or is in a couple whose partner did (the couple may rank "no match" on one side).
     */
    public record Situation(Phase phase, boolean hasProfile, int applications, boolean rankListInForce, boolean unsubmittedRankListChanges,
            boolean resultReleased, int helpRequestsAnswered, LocalDateTime capInvitationRespondBy, LocalDate bcCapRegistrationCloses,
            boolean somethingToRank) {

        /** An applicant alone: something to rank when they applied somewhere. */
        public Situation(Phase phase, boolean hasProfile, int applications, boolean rankListInForce, boolean unsubmittedRankListChanges,
                boolean resultReleased, int helpRequestsAnswered, LocalDateTime capInvitationRespondBy, LocalDate bcCapRegistrationCloses) {
            this(phase, hasProfile, applications, rankListInForce, unsubmittedRankListChanges, resultReleased, helpRequestsAnswered,
                    capInvitationRespondBy, bcCapRegistrationCloses, applications > 0);
        }
    }

    /**
     * Where a step stands: done; to do, or urgently so (before a deadline that is running now); a
     * fact that can no longer be changed (an application or a list after its deadline); or a step
     * whose phase has not opened yet (nothing to do now: it says when).
     */
    public enum State {
        DONE, URGENT, TO_DO, FACT, LATER
    }

    /** One step: a message key (its texts take {@code args}), where it stands, and the page for it. */
    public record Step(String key, List<Object> args, State state, String path) {

        Step(String key, List<Object> args, boolean done, boolean urgent, String path) {
            this(key, args, done ? State.DONE : urgent ? State.URGENT : State.TO_DO, path);
        }

        public boolean done() {
            return state == State.DONE;
        }

        public boolean urgent() {
            return state == State.URGENT;
        }
    }

    public static List<Step> steps(Situation s) {
        List<Step> steps = new ArrayList<>();
        boolean selecting = !CycleAction.SELECT_PROGRAMS.closed(s.phase());
        boolean ranking = CycleAction.PREPARE_RANK_LIST.allows(s.phase());
        boolean locked = CycleAction.EDIT_RANK_LIST.closed(s.phase());

        // Never ask for what the phase forbids: the profile is declared during registration and program
        // selection, applications are made during program selection only.
        boolean profileOpen = CycleAction.CHANGE_PROFILE.allows(s.phase());
        if (s.hasProfile()) {
            steps.add(new Step(profileOpen ? "todo.profile.done" : "todo.profile.locked", List.of(), State.DONE, "/applicant/profile"));
        } else if (profileOpen) {
            steps.add(new Step("todo.profile", List.of(), false, true, "/applicant/profile"));
        } else {
            steps.add(new Step(s.phase() == null ? "todo.profile.notYet" : "todo.profile.missed", List.of(),
                    s.phase() == null ? State.LATER : State.FACT, "/applicant/profile"));
        }
        if (CycleAction.SELECT_PROGRAMS.notYetOpen(s.phase())) {
            steps.add(new Step("todo.apply.notYet", List.of(), State.LATER, "/applicant/catalogue"));
        } else if (selecting) {
            steps.add(new Step(s.applications() == 0 ? "todo.apply" : "todo.apply.some", List.of(s.applications()), s.applications() > 0,
                    s.applications() == 0 && CycleAction.SELECT_PROGRAMS.allows(s.phase()), "/applicant/catalogue"));
        } else {
            // Applications are closed: say what stands; nothing can change it now.
            steps.add(new Step(s.applications() == 0 ? "todo.applied.none" : "todo.applied", List.of(s.applications()),
                    s.applications() > 0 ? State.DONE : State.FACT, "/applicant/applications"));
        }
        // Nobody is asked to rank programs they could not apply to: without an application (and no partner's),
        // the applications step above already says there is nothing; a list submitted anyway is still shown.
        if ((ranking || locked) && (s.somethingToRank() || s.rankListInForce())) {
            boolean done = s.rankListInForce() && !s.unsubmittedRankListChanges();
            String key = !s.rankListInForce()
                    ? (locked ? "todo.rank.missed" : "todo.rank")
                    : s.unsubmittedRankListChanges() ? (locked ? "todo.rank.lockedWithChanges" : "todo.rank.changes") : "todo.rank.done";
            // Lists are edited only while rank order lists are open: during interviews, that is still to come.
            State state = done
                    ? State.DONE
                    : locked ? State.FACT : CycleAction.EDIT_RANK_LIST.allows(s.phase()) ? State.URGENT : State.LATER;
            steps.add(new Step(key, List.of(), state, "/applicant/rank-list"));
        }
        if (s.resultReleased()) steps.add(new Step("todo.result", List.of(), false, false, "/applicant/applications"));
        if (s.capInvitationRespondBy() != null) {
            steps.add(new Step("todo.cap", List.of(s.capInvitationRespondBy()), false, true, "/applicant/follow-ups"));
        }
        if (s.bcCapRegistrationCloses() != null) {
            steps.add(new Step("todo.bcCap", List.of(s.bcCapRegistrationCloses()), false, false, "/applicant/follow-ups"));
        }
        if (s.helpRequestsAnswered() > 0) {
            steps.add(new Step("todo.help", List.of(s.helpRequestsAnswered()), false, false, "/applicant/help"));
        }
        return List.copyOf(steps);
    }
}
