package org.residencymatch.web;

import java.time.LocalDateTime;
import org.residencymatch.Services;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.Phase;

/**
 * Where an iteration stands for one kind of work: whether its phase is open now, and its dates, so
 * pages can say plainly when something can be done.
 */
public record PhaseBanner(Phase phase, boolean open, LocalDateTime opens, LocalDateTime closes, Phase current) {

    static PhaseBanner of(Services services, String cycleId, int iteration, Phase phase) {
        Cycle cycle = services.cycles().find(cycleId).orElseThrow();
        LocalDateTime now = LocalDateTime.now(services.clock());
        Phase current = cycle.phaseAt(iteration, now).orElse(null);
        return new PhaseBanner(phase, current == phase, cycle.startOf(iteration, phase).orElse(null),
                cycle.endOf(iteration, phase).orElse(null), current);
    }

    public String currentName() {
        return current == null ? "BEFORE" : current.name();
    }
}
