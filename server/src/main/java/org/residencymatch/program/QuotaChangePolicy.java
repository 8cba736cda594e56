package org.residencymatch.program;

import java.time.LocalDateTime;
import org.residencymatch.Refusal;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.CycleAction;

/**
 * Whether a stream's quota may still change. The first iteration's match reads the quotas, and the
 * second iteration's positions are the quotas less the first iteration's matches; so once the first
 * iteration's match phase starts, a change would make the published results and the second
 * iteration's positions disagree with the catalogue. Before that (even before registration opens)
 * faculties may still adjust their positions.
 */
public final class QuotaChangePolicy {

    private QuotaChangePolicy() {
    }

    /** Allowed (no refusal), or refused with the {@link Refusal} that says why. */
    public record Decision(Refusal refusal) {
        static Decision allow() {
            return new Decision(null);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }

    /** {@code QUOTAS_FROZEN} from the first iteration's match phase on, saying since when and what the match is at now. */
    public static Decision decide(Cycle cycle, LocalDateTime now) {
        Cycle.Window window = cycle.window(CycleAction.CHANGE_QUOTAS, 1, now);
        if (window.open()) return Decision.allow();
        // Closed: a phase after the quotas' last has started, so their window has an end.
        return new Decision(Refusal.of("QUOTAS_FROZEN", "quota.refused.frozen", cycle.id(), cycle.local(window.closes()),
                Cycle.phaseName(window.current())).withNextStep("quota.refused.frozen.next"));
    }
}
