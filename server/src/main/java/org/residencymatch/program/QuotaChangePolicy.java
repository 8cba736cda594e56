package org.residencymatch.program;

import java.time.LocalDateTime;
import java.util.Optional;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.Phase;

/**
 * Whether a stream's quota may still change. The first iteration's match reads the quotas, and the
 * second iteration's positions are the quotas less the first iteration's matches; so once the first
 * iteration's match phase starts, a change would make the published results and the second
 * iteration's positions disagree with the catalogue. Before that (even before registration opens)
 * faculties may still adjust their positions.
 */
public final class QuotaChangePolicy {

    private QuotaChangePolicy() {}

    /** The decision, with its reason when refused. */
    public record Decision(boolean allowed, String reason) {
        static Decision allow() {
            return new Decision(true, null);
        }
    }

    public static Decision decide(Cycle cycle, LocalDateTime now) {
        Optional<Phase> phase = cycle.phaseAt(1, now);
        if (phase.isEmpty() || phase.get().compareTo(Phase.MATCH) < 0) return Decision.allow();
        return new Decision(false, "quotas of " + cycle.id() + " are frozen since the match phase of iteration 1 started ("
                + cycle.startOf(1, Phase.MATCH).map(Object::toString).orElse("?") + "); it is now " + phase.get().name());
    }
}
