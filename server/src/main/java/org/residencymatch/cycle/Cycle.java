package org.residencymatch.cycle;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One year's match, e.g. {@code 2025-R1}, with its two iterations.
 *
 * @param phases every phase start of both iterations, in time order within each iteration
 */
public record Cycle(String id, String name, int matchYear, List<PhaseStart> phases) {

    /** When a phase of an iteration starts. */
    public record PhaseStart(int iteration, Phase phase, LocalDateTime startsAt) {}
}
