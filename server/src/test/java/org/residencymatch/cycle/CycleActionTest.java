package org.residencymatch.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.residencymatch.ConflictException;
import org.residencymatch.Refusal;

/** The phase table, read as the specification of what each phase allows. */
class CycleActionTest {

    /** The table as a reader checks it against the match calendar: one row per action, an X per phase that allows it. */
    private static String table() {
        StringBuilder out = new StringBuilder(String.format("%-21s %-6s", "action", "before"));
        for (Phase phase : Phase.values()) out.append(' ').append(abbreviation(phase));
        for (CycleAction action : CycleAction.values()) {
            out.append('\n').append(String.format("%-21s %-6s", action, action.openBeforeFirstPhase() ? "X" : "."));
            for (Phase phase : Phase.values()) out.append(' ').append(String.format("%-4s", action.allows(phase) ? "X" : "."));
            if (action.firstIterationOnly()) out.append(" (first iteration)");
        }
        return out.toString();
    }

    private static String abbreviation(Phase phase) {
        return switch (phase) {
            case REGISTRATION -> "REG ";
            case PROGRAM_SELECTION -> "SEL ";
            case FILE_REVIEW -> "FILE";
            case INTERVIEWS -> "INT ";
            case ROL_OPEN -> "ROL ";
            case ROL_DEADLINE -> "DEAD";
            case MATCH -> "MAT ";
            case RESULTS_RELEASE -> "REL ";
        };
    }

    @Test
    void theTableReadsAsTheCalendarSaysIt() {
        String table = table();
        System.out.println(table);
        assertThat(table.lines().map(String::stripTrailing).collect(Collectors.joining("\n"))).isEqualTo("""
                action                before REG  SEL  FILE INT  ROL  DEAD MAT  REL
                REGISTER              .      X    X    .    .    .    .    .    .    (first iteration)
                CHANGE_PROFILE        .      X    X    .    .    .    .    .    .    (first iteration)
                SELECT_PROGRAMS       .      .    X    .    .    .    .    .    .
                WITHDRAW_APPLICATION  .      .    X    .    .    .    .    .    .
                FORM_COUPLE           .      X    X    X    X    X    .    .    .
                PREPARE_RANK_LIST     .      .    .    .    X    X    .    .    .
                EDIT_RANK_LIST        .      .    .    .    .    X    .    .    .
                CHANGE_QUOTAS         X      X    X    X    X    X    X    .    .    (first iteration)
                RUN_MATCH             .      .    .    .    .    .    .    X    X
                RELEASE_RESULTS       .      .    .    .    .    .    .    .    X""");
    }

    @Test
    void everyActionOpensInOneStretchOfAtLeastOnePhase() {
        for (CycleAction action : CycleAction.values()) {
            Set<Phase> phases = action.phases();
            assertThat(phases).as(action.name()).isNotEmpty();
            List<Phase> stretch = new ArrayList<>(EnumSet.range(action.first(), action.last()));
            assertThat(stretch).as(action + " has no gap").containsExactlyElementsOf(phases);
        }
    }

    @Test
    void nothingChangesTheRankOrderListsOnceTheyLockAndTheMatchReadsThem() {
        for (Phase phase : EnumSet.range(Phase.ROL_DEADLINE, Phase.RESULTS_RELEASE)) {
            for (CycleAction change : List.of(CycleAction.EDIT_RANK_LIST, CycleAction.FORM_COUPLE, CycleAction.SELECT_PROGRAMS,
                    CycleAction.WITHDRAW_APPLICATION, CycleAction.CHANGE_PROFILE)) {
                assertThat(change.allows(phase)).as(change + " during " + phase).isFalse();
                assertThat(change.closed(phase)).as(change + " closed during " + phase).isTrue();
            }
        }
        assertThat(CycleAction.CHANGE_QUOTAS.allows(Phase.MATCH)).isFalse();
        assertThat(CycleAction.CHANGE_QUOTAS.allows(null)).as("quotas are set before registration opens").isTrue();
    }

    @Test
    void rankingOnlyInItsWindowAndRemindedOfDuringInterviews() {
        assertThat(EnumSet.allOf(Phase.class).stream().filter(CycleAction.EDIT_RANK_LIST::allows)).containsExactly(Phase.ROL_OPEN);
        assertThat(CycleAction.EDIT_RANK_LIST.notYetOpen(Phase.INTERVIEWS)).isTrue();
        assertThat(CycleAction.EDIT_RANK_LIST.notYetOpen(null)).isTrue();
        assertThat(CycleAction.PREPARE_RANK_LIST.allows(Phase.INTERVIEWS)).isTrue();
        // The match runs only once lists are locked; results are released from the release date only.
        assertThat(CycleAction.RUN_MATCH.allows(Phase.ROL_OPEN)).isFalse();
        assertThat(CycleAction.RELEASE_RESULTS.allows(Phase.MATCH)).isFalse();
    }

    @Test
    void aCycleRefusesAnActionOutsideItsPhasesSayingWhenItOpens() {
        Cycle cycle = new Cycle("2025-R1", "2025 R-1", 2025, CycleRepository.standardCalendar(2025));
        LocalDateTime selection = cycle.startOf(1, Phase.PROGRAM_SELECTION).orElseThrow().plusDays(1);
        assertThat(cycle.isOpen(CycleAction.SELECT_PROGRAMS, 1, selection)).isTrue();
        assertThat(cycle.isOpen(CycleAction.EDIT_RANK_LIST, 1, selection)).isFalse();

        ConflictException early = catchThrowableOfType(ConflictException.class,
                () -> cycle.require(CycleAction.EDIT_RANK_LIST, 1, selection));
        assertThat(early.code()).isEqualTo("OUTSIDE_PHASE");
        Refusal.Keyed next = (Refusal.Keyed) early.refusal().nextStep();
        assertThat(next.key()).isEqualTo("refusal.outsidePhase.opensOn");
        assertThat(next.arguments()).containsExactly(cycle.local(cycle.startOf(1, Phase.ROL_OPEN).orElseThrow()));

        LocalDateTime match = cycle.startOf(1, Phase.MATCH).orElseThrow().plusHours(1);
        ConflictException late = catchThrowableOfType(ConflictException.class, () -> cycle.require(CycleAction.EDIT_RANK_LIST, 1, match));
        assertThat(((Refusal.Keyed) late.refusal().nextStep()).key()).isEqualTo("refusal.outsidePhase.next");

        // One profile per cycle: the first iteration's phases decide, whatever iteration is asked about.
        LocalDateTime secondRegistration = cycle.startOf(2, Phase.REGISTRATION).orElseThrow().plusHours(1);
        assertThat(cycle.isOpen(CycleAction.CHANGE_PROFILE, 2, secondRegistration)).isFalse();
        assertThat(cycle.isOpen(CycleAction.FORM_COUPLE, 2, secondRegistration)).isTrue();
        assertThat(cycle.closes(CycleAction.EDIT_RANK_LIST, 2)).isEqualTo(cycle.startOf(2, Phase.ROL_DEADLINE));
    }
}
