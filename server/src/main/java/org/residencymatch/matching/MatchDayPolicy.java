package org.residencymatch.matching;

import java.time.LocalDateTime;
import java.util.List;
import org.residencymatch.Refusal;
import org.residencymatch.cycle.CycleAction;
import org.residencymatch.cycle.Phase;

/**
 * What the operator may do on match day, and why not: run the match of an iteration, release one of
 * its runs. Once an iteration's results are released its match is final: no other run, no other
 * release. The service refuses with these decisions and the pages show their reasons instead of a
 * button that would be refused.
 */
public final class MatchDayPolicy {

    private MatchDayPolicy() {
    }

    /** Allowed (no refusal), or refused with the {@link Refusal} that says why in the reader's words. */
    public record Decision(Refusal refusal) {
        static final Decision ALLOWED = new Decision(null);

        static Decision refused(String code, String reasonKey, Object... arguments) {
            return new Decision(Refusal.of(code, reasonKey, arguments));
        }

        public boolean allowed() {
            return refusal == null;
        }

        /** The refusal's code, or null when allowed. */
        public String code() {
            return refusal == null ? null : refusal.code();
        }

        public String reasonKey() {
            return refusal == null ? null : refusal.messageKey();
        }

        public List<Object> arguments() {
            return refusal == null ? List.of() : refusal.arguments();
        }
    }

    /**
     * Where an iteration stands: its phase now, when its match and release open, the run released, if
     * any, and whether the iteration before it is released (always true for the first: the second
     * iteration's positions are what the first left unfilled).
     */
    public record State(int iteration, Phase current, LocalDateTime matchOpens, LocalDateTime releaseOpens, MatchRun released,
            boolean previousReleased) {
    }

    /**
     * Running the match: during the match or release phase, after the previous iteration's release, and
     * not once the iteration's results are released.
     */
    public static Decision run(State state) {
        if (state.released() != null) {
            return Decision.refused("ALREADY_RELEASED", "matchDay.refused.released", state.iteration(),
                    String.valueOf(state.released().id()), state.released().releasedAt());
        }
        if (!CycleAction.RUN_MATCH.allows(state.current())) {
            return Decision.refused("OUTSIDE_PHASE", "matchDay.refused.runNotOpen", state.matchOpens());
        }
        if (!state.previousReleased()) return Decision.refused("FIRST_ITERATION_NOT_RELEASED", "matchDay.refused.firstNotReleased");
        return Decision.ALLOWED;
    }

    /** Releasing a run: from the release date, a run that passed the stability audit, and only one per iteration. */
    public static Decision release(State state, MatchRun run) {
        if (state.released() != null) {
            return state.released().id() == run.id()
                    ? Decision.refused("ALREADY_RELEASED", "matchDay.refused.thisReleased", String.valueOf(run.id()),
                            state.released().releasedAt())
                    : Decision.refused("ALREADY_RELEASED", "matchDay.refused.otherReleased", String.valueOf(state.released().id()),
                            state.iteration());
        }
        if (!CycleAction.RELEASE_RESULTS.allows(state.current())) {
            return Decision.refused("OUTSIDE_PHASE", "matchDay.refused.releaseNotOpen", state.releaseOpens());
        }
        if (!run.stable()) return Decision.refused("NOT_STABLE", "matchDay.refused.notStable", String.valueOf(run.id()));
        return Decision.ALLOWED;
    }
}
