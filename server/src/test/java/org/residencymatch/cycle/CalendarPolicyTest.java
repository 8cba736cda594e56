package org.residencymatch.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarPolicyTest {

    /** The standard first iteration of 2025, by phase. */
    private static Map<Phase, LocalDateTime> standard() {
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        CycleRepository.standardCalendar(2025).stream().filter(p -> p.iteration() == 1).forEach(p -> starts.put(p.phase(), p.startsAt()));
        return starts;
    }

    @Test
    void acceptsEveryPhaseInStrictlyIncreasingOrder() {
        assertThat(CalendarPolicy.check(standard()).accepted()).isTrue();
    }

    @Test
    void namesTheFirstMissingPhase() {
        Map<Phase, LocalDateTime> starts = standard();
        starts.remove(Phase.INTERVIEWS);
        starts.remove(Phase.MATCH);
        CalendarPolicy.Decision decision = CalendarPolicy.check(starts);
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.phase()).isEqualTo(Phase.INTERVIEWS);
        assertThat(decision.problem()).isEqualTo(CalendarPolicy.Problem.MISSING);
        assertThat(decision.reason()).isEqualTo("INTERVIEWS has no start date");
    }

    @Test
    void refusesAPhaseStartingAtOrBeforeThePhaseBeforeIt() {
        Map<Phase, LocalDateTime> starts = standard();
        starts.put(Phase.ROL_DEADLINE, starts.get(Phase.ROL_OPEN));
        CalendarPolicy.Decision equal = CalendarPolicy.check(starts);
        assertThat(equal.phase()).as("two phases at the same time leave one no time at all").isEqualTo(Phase.ROL_DEADLINE);
        assertThat(equal.previous()).isEqualTo(Phase.ROL_OPEN);
        assertThat(equal.problem()).isEqualTo(CalendarPolicy.Problem.NOT_AFTER_PREVIOUS);

        starts = standard();
        starts.put(Phase.PROGRAM_SELECTION, starts.get(Phase.REGISTRATION).minusDays(1));
        assertThat(CalendarPolicy.check(starts).reason()).isEqualTo("PROGRAM_SELECTION must start after REGISTRATION starts");
    }
}
