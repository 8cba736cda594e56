package org.residencymatch.cycle;

import java.time.LocalDateTime;
import java.util.Map;
import org.residencymatch.Refusal;

/**
 * Whether a set of phase start dates may become an iteration's calendar. A phase lasts until the next
 * one starts ({@link Cycle#phaseAt}), so a calendar must date every phase, each strictly after the one
 * before it in {@link Phase} order: a missing or out-of-order phase would silently shorten or skip a
 * phase (two equal dates would give one of them no time at all). And the past stays as it was: a
 * phase that has already started keeps its start (moving it would reopen or cut short something
 * people already acted on, such as rank order lists locked at a deadline that has passed); phases
 * still to come can move, so a deadline can be extended before it arrives.
 */
public final class CalendarPolicy {

    private CalendarPolicy() {
    }

    /** Why a calendar is refused. */
    public enum Problem {
        /** The phase has no start date. */
        MISSING,
        /** The phase does not start strictly after the phase before it. */
        NOT_AFTER_PREVIOUS,
        /** The phase has already started, and its start was changed. */
        ALREADY_STARTED
    }

    /**
     * The decision on a calendar: accepted, or refused at the first phase at fault (in {@link Phase}
     * order) with the problem and, for an ordering problem, the phase it must follow.
     */
    public record Decision(Phase phase, Problem problem, Phase previous) {
        static final Decision ACCEPTED = new Decision(null, null, null);

        public boolean accepted() {
            return problem == null;
        }

        /**
         * The refusal as the operator reads it beside the phase at fault ({@code calendar.error.<problem>},
         * naming the phase it must follow), or null when accepted. Its code is {@code CALENDAR_<problem>}.
         */
        public Refusal refusal() {
            if (accepted()) return null;
            return previous == null
                    ? Refusal.of("CALENDAR_" + problem.name(), "calendar.error." + problem.name())
                    : Refusal.of("CALENDAR_" + problem.name(), "calendar.error." + problem.name(),
                            new Refusal.Key("home.phase." + previous.name()));
        }

        /** The refusal's detail in English, naming the phases by their constants: the API's message, as its clients know it. */
        public String reason() {
            if (accepted()) return "accepted";
            return switch (problem) {
                case MISSING -> phase + " has no start date";
                case NOT_AFTER_PREVIOUS -> phase + " must start after " + previous + " starts";
                case ALREADY_STARTED -> phase + " has already started; its start cannot change";
            };
        }
    }

    /**
     * @param current the iteration's phase starts as they stand (empty for a new iteration)
     * @param now     the service's clock
     */
    public static Decision check(Map<Phase, LocalDateTime> starts, Map<Phase, LocalDateTime> current, LocalDateTime now) {
        Phase previous = null;
        for (Phase phase : Phase.values()) {
            LocalDateTime start = starts.get(phase);
            if (start == null) return new Decision(phase, Problem.MISSING, null);
            LocalDateTime was = current.get(phase);
            if (was != null && !was.isAfter(now) && !was.equals(start)) return new Decision(phase, Problem.ALREADY_STARTED, null);
            if (previous != null && !start.isAfter(starts.get(previous))) return new Decision(phase, Problem.NOT_AFTER_PREVIOUS, previous);
            previous = phase;
        }
        return Decision.ACCEPTED;
    }
}
