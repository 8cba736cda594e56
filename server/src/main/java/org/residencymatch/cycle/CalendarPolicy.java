package org.residencymatch.cycle;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * Whether a set of phase start dates may become an iteration's calendar. A phase lasts until the next
 * one starts ({@link Cycle#phaseAt}), so a calendar must date every phase, each strictly after the one
 * before it in {@link Phase} order: a missing or out-of-order phase would silently shorten or skip a
 * phase (two equal dates would give one of them no time at all).
 */
public final class CalendarPolicy {

    private CalendarPolicy() {}

    /** Why a calendar is refused. */
    public enum Problem {
        /** The phase has no start date. */
        MISSING,
        /** The phase does not start strictly after the phase before it. */
        NOT_AFTER_PREVIOUS
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

        /** The refusal in English, naming the phase at fault (for the API and the audit of refusals). */
        public String reason() {
            if (accepted()) return "accepted";
            return problem == Problem.MISSING ? phase + " has no start date"
                    : phase + " must start after " + previous + " starts";
        }
    }

    public static Decision check(Map<Phase, LocalDateTime> starts) {
        Phase previous = null;
        for (Phase phase : Phase.values()) {
            LocalDateTime start = starts.get(phase);
            if (start == null) return new Decision(phase, Problem.MISSING, null);
            if (previous != null && !start.isAfter(starts.get(previous))) return new Decision(phase, Problem.NOT_AFTER_PREVIOUS, previous);
            previous = phase;
        }
        return Decision.ACCEPTED;
    }
}
