package org.residencymatch.web;

import org.residencymatch.Services;
import org.residencymatch.cycle.Cycle;

/** The cycle the pages work in: the newest one. Before any cycle exists, pages answer 404. */
final class CurrentCycle {

    private CurrentCycle() {
    }

    static String id(Services services) {
        return services.cycles().currentCycleId().orElseThrow(() -> new ApiException(404, "NOT_FOUND", "no cycle exists yet"));
    }

    static Cycle of(Services services) {
        return services.cycles().find(id(services)).orElseThrow();
    }
}
