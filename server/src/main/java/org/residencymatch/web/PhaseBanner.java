package org.residencymatch.web;

import java.time.LocalDateTime;
import org.residencymatch.Services;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.CycleAction;
import org.residencymatch.cycle.Phase;

/**
 * Where an iteration stands for one kind of work: whether the phase table ({@link CycleAction}) opens
 * it now, and its dates, so pages can say plainly when something can be done.
 */
public record PhaseBanner(CycleAction action, boolean open, boolean notYetOpen, LocalDateTime opens, LocalDateTime closes, Phase current) {

    static PhaseBanner of(Services services, String cycleId, int iteration, CycleAction action) {
        Cycle cycle = services.cycles().find(cycleId).orElseThrow();
        Cycle.Window window = cycle.window(action, iteration, LocalDateTime.now(services.clock()));
        return new PhaseBanner(action, window.open(), window.notYetOpen(), window.opens(), window.closes(), window.current());
    }

    public String currentName() {
        return current == null ? "BEFORE" : current.name();
    }
}
