package org.residencymatch.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarPolicyTest {

    /** A time before the 2025 cycle starts: nothing has started yet. */
    private static final LocalDateTime BEFORE = LocalDateTime.of(2024, 1, 1, 0, 0);

    /** The standard first iteration of 2025, by phase. */
    private static Map<Phase, LocalDateTime> standard() {
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        CycleRepository.standardCalendar(2025).stream().filter(p -> p.iteration() == 1).forEach(p -> starts.put(p.phase(), p.startsAt()));
        return starts;
    }

    @Test
    void acceptsEveryPhaseInStrictlyIncreasingOrder() {
        assertThat(CalendarPolicy.check(standard(), standard(), BEFORE).accepted()).isTrue();
    }

    @Test
    void namesTheFirstMissingPhase() {
        Map<Phase, LocalDateTime> starts = standard();
        starts.remove(Phase.INTERVIEWS);
        starts.remove(Phase.MATCH);
        CalendarPolicy.Decision decision = CalendarPolicy.check(starts, standard(), BEFORE);
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.phase()).isEqualTo(Phase.INTERVIEWS);
        assertThat(decision.problem()).isEqualTo(CalendarPolicy.Problem.MISSING);
        assertThat(decision.reason()).isEqualTo("INTERVIEWS has no start date");
    }

    @Test
    void refusesAPhaseStartingAtOrBeforeThePhaseBeforeIt() {
        Map<Phase, LocalDateTime> starts = standard();
        starts.put(Phase.ROL_DEADLINE, starts.get(Phase.ROL_OPEN));
        CalendarPolicy.Decision equal = CalendarPolicy.check(starts, standard(), BEFORE);
        assertThat(equal.phase()).as("two phases at the same time leave one no time at all").isEqualTo(Phase.ROL_DEADLINE);
        assertThat(equal.previous()).isEqualTo(Phase.ROL_OPEN);
        assertThat(equal.problem()).isEqualTo(CalendarPolicy.Problem.NOT_AFTER_PREVIOUS);

        starts = standard();
        starts.put(Phase.PROGRAM_SELECTION, starts.get(Phase.REGISTRATION).minusDays(1));
        assertThat(CalendarPolicy.check(starts, standard(), BEFORE).reason())
                .isEqualTo("PROGRAM_SELECTION must start after REGISTRATION starts");
    }

    @Test
    void aPhaseThatHasStartedKeepsItsStartWhileLaterOnesCanMove() {
        Map<Phase, LocalDateTime> current = standard();
        LocalDateTime duringLists = current.get(Phase.ROL_OPEN).plusDays(1);

        Map<Phase, LocalDateTime> extended = standard();
        extended.put(Phase.ROL_DEADLINE, current.get(Phase.ROL_DEADLINE).plusDays(2));
        extended.put(Phase.MATCH, current.get(Phase.MATCH).plusDays(2));
        assertThat(CalendarPolicy.check(extended, current, duringLists).accepted()).as("the deadline is extended before it arrives")
                .isTrue();

        Map<Phase, LocalDateTime> rewritten = standard();
        rewritten.put(Phase.ROL_OPEN, current.get(Phase.ROL_OPEN).plusHours(1));
        CalendarPolicy.Decision refused = CalendarPolicy.check(rewritten, current, duringLists);
        assertThat(refused.phase()).isEqualTo(Phase.ROL_OPEN);
        assertThat(refused.problem()).isEqualTo(CalendarPolicy.Problem.ALREADY_STARTED);

        LocalDateTime afterDeadline = current.get(Phase.ROL_DEADLINE).plusHours(1);
        assertThat(CalendarPolicy.check(extended, current, afterDeadline).reason())
                .as("a deadline that has passed cannot be moved: the lists it locked stay locked")
                .isEqualTo("ROL_DEADLINE has already started; its start cannot change");
    }
}
