package org.residencymatch.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.residencymatch.cycle.Phase;
import org.residencymatch.journey.ApplicantChecklist.Situation;
import org.residencymatch.journey.ApplicantChecklist.Step;

class ApplicantChecklistTest {

    private static List<String> keys(Situation s) {
        return ApplicantChecklist.steps(s).stream().map(Step::key).toList();
    }

    @Test
    void duringProgramSelectionAnApplicantWithoutApplicationsIsUrgedToApply() {
        Situation s = new Situation(Phase.PROGRAM_SELECTION, true, 0, false, false, false, 0, null, null);

        assertThat(keys(s)).containsExactly("todo.profile.done", "todo.apply");
        Step apply = ApplicantChecklist.steps(s).get(1);
        assertThat(apply.done()).isFalse();
        assertThat(apply.urgent()).isTrue();
        assertThat(apply.path()).isEqualTo("/applicant/catalogue");
    }

    @Test
    void aMissingProfileComesFirstAndIsUrgentWhileApplicationsAreOpen() {
        Step profile = ApplicantChecklist.steps(new Situation(Phase.REGISTRATION, false, 0, false, false, false, 0, null, null)).get(0);
        assertThat(profile.key()).isEqualTo("todo.profile");
        assertThat(profile.urgent()).isTrue();
        assertThat(ApplicantChecklist.steps(new Situation(Phase.ROL_OPEN, false, 0, false, false, false, 0, null, null)).get(0).urgent())
                .isFalse();
    }

    /** What each page's action needs: the phases in which the server accepts it (issue #18, point 5). */
    private static boolean allowed(String path, Phase phase) {
        return switch (path) {
            case "/applicant/profile" -> phase == Phase.REGISTRATION || phase == Phase.PROGRAM_SELECTION;
            case "/applicant/catalogue" -> phase == Phase.PROGRAM_SELECTION;
            case "/applicant/rank-list" -> phase == Phase.ROL_OPEN;
            default -> true;
        };
    }

    @Test
    void theListNeverAsksForWhatThePhaseForbids() {
        List<Phase> phases = new java.util.ArrayList<>(List.of(Phase.values()));
        phases.add(null);
        for (Phase phase : phases) {
            for (boolean hasProfile : new boolean[]{false, true}) {
                for (int applications : new int[]{0, 2}) {
                    for (boolean inForce : new boolean[]{false, true}) {
                        Situation s = new Situation(phase, hasProfile, applications, inForce, false, false, 0, null, null);
                        for (Step step : ApplicantChecklist.steps(s)) {
                            boolean asks = step.state() == ApplicantChecklist.State.TO_DO
                                    || step.state() == ApplicantChecklist.State.URGENT;
                            assertThat(!asks || allowed(step.path(), phase)).as(step.key() + " in " + phase).isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void beforeTheirPhaseTheProfileAndApplicationsAreSaidToComeLaterAndAfterItAMissingProfileIsAFact() {
        List<Step> before = ApplicantChecklist.steps(new Situation(null, false, 0, false, false, false, 0, null, null));
        assertThat(before).extracting(Step::key).containsExactly("todo.profile.notYet", "todo.apply.notYet");
        assertThat(before).allMatch(step -> step.state() == ApplicantChecklist.State.LATER);
        assertThat(ApplicantChecklist.steps(new Situation(Phase.REGISTRATION, true, 0, false, false, false, 0, null, null)))
                .extracting(Step::key).containsExactly("todo.profile.done", "todo.apply.notYet");
        Step missed = ApplicantChecklist.steps(new Situation(Phase.INTERVIEWS, false, 0, false, false, false, 0, null, null)).get(0);
        assertThat(missed.key()).isEqualTo("todo.profile.missed");
        assertThat(missed.state()).isEqualTo(ApplicantChecklist.State.FACT);
    }

    @Test
    void whileListsAreOpenTheRankOrderListIsToSubmitAndUnsubmittedChangesAreNotDone() {
        assertThat(keys(new Situation(Phase.ROL_OPEN, true, 4, false, false, false, 0, null, null)))
                .containsExactly("todo.profile.locked", "todo.applied", "todo.rank");
        Step changes = ApplicantChecklist.steps(new Situation(Phase.ROL_OPEN, true, 4, true, true, false, 0, null, null)).get(2);
        assertThat(changes.key()).isEqualTo("todo.rank.changes");
        assertThat(changes.done()).isFalse();
        assertThat(changes.urgent()).isTrue();
        Step submitted = ApplicantChecklist.steps(new Situation(Phase.ROL_OPEN, true, 4, true, false, false, 0, null, null)).get(2);
        assertThat(submitted.key()).isEqualTo("todo.rank.done");
        assertThat(submitted.done()).isTrue();
    }

    @Test
    void afterTheDeadlineAMissedListIsSaidPlainlyAndNothingIsUrgent() {
        List<Step> steps = ApplicantChecklist.steps(new Situation(Phase.MATCH, true, 2, false, false, false, 0, null, null));
        assertThat(steps).extracting(Step::key).containsExactly("todo.profile.locked", "todo.applied", "todo.rank.missed");
        assertThat(steps).noneMatch(Step::urgent);
        assertThat(steps.get(2).state()).as("nothing can be done about it now").isEqualTo(ApplicantChecklist.State.FACT);
        assertThat(ApplicantChecklist.steps(new Situation(Phase.MATCH, true, 0, false, false, false, 0, null, null)).get(1).state())
                .isEqualTo(ApplicantChecklist.State.FACT);
        assertThat(keys(new Situation(Phase.ROL_DEADLINE, true, 2, true, true, false, 0, null, null)))
                .contains("todo.rank.lockedWithChanges");
    }

    @Test
    void resultsInvitationsRegistrationAndAnswersAreListedWhenThereAreAny() {
        LocalDateTime respondBy = LocalDateTime.of(2025, 3, 20, 17, 0);
        LocalDate closes = LocalDate.of(2025, 10, 31);
        List<Step> steps = ApplicantChecklist.steps(new Situation(Phase.RESULTS_RELEASE, true, 3, true, false, true, 2, respondBy, closes));

        assertThat(steps).extracting(Step::key)
                .containsExactly("todo.profile.locked", "todo.applied", "todo.rank.done", "todo.result", "todo.cap", "todo.bcCap",
                        "todo.help");
        assertThat(steps.get(4).args()).containsExactly(respondBy);
        assertThat(steps.get(4).urgent()).isTrue();
        assertThat(steps.get(6).args()).containsExactly(2);
    }

    @Test
    void anApplicantWhoAppliedNowhereIsNotAskedToRankProgramsSheCouldNotApplyTo() {
        // Fatima in January: rank order lists are open, she has no application.
        assertThat(keys(new Situation(Phase.ROL_OPEN, true, 0, false, false, false, 0, null, null)))
                .containsExactly("todo.profile.locked", "todo.applied.none");
        assertThat(keys(new Situation(Phase.INTERVIEWS, true, 0, false, false, false, 0, null, null))).doesNotContain("todo.rank");
    }

    @Test
    void aPartnerWhoAppliedNowhereStillRanksTheCouplesPairs() {
        assertThat(keys(new Situation(Phase.ROL_OPEN, true, 0, false, false, false, 0, null, null, true))).contains("todo.rank");
    }

    @Test
    void aProfileLockedByThePhaseIsNeverAToDo() {
        for (Phase phase : List.of(Phase.FILE_REVIEW, Phase.INTERVIEWS, Phase.ROL_OPEN, Phase.ROL_DEADLINE, Phase.MATCH)) {
            for (boolean hasProfile : new boolean[]{false, true}) {
                Step profile = ApplicantChecklist.steps(new Situation(phase, hasProfile, 0, false, false, false, 0, null, null)).get(0);
                assertThat(profile.path()).isEqualTo("/applicant/profile");
                assertThat(profile.state()).as(phase + (hasProfile ? " with" : " without") + " a profile")
                        .isIn(ApplicantChecklist.State.DONE, ApplicantChecklist.State.FACT);
            }
        }
    }
}
