package org.residencymatch.cycle;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.NotFoundException;
import org.residencymatch.audit.AuditLog;

/** The operator sets the phase dates of each iteration of a cycle (the standard calendar is only a start). */
public final class CalendarService {

    private final Jdbi jdbi;
    private final CycleRepository cycles;
    private final AuditLog audit;
    private final java.time.Clock clock;

    public CalendarService(Jdbi jdbi, CycleRepository cycles, AuditLog audit, java.time.Clock clock) {
        this.clock = clock;
        this.jdbi = jdbi;
        this.cycles = cycles;
        this.audit = audit;
    }

    /** A calendar refused by {@link CalendarPolicy}; nothing was changed. */
    public static final class InvalidCalendarException extends RuntimeException {
        private final CalendarPolicy.Decision decision;

        InvalidCalendarException(CalendarPolicy.Decision decision) {
            super(decision.reason());
            this.decision = decision;
        }

        public CalendarPolicy.Decision decision() {
            return decision;
        }
    }

    /** The cycle, or a 404 for an unknown cycle or an iteration it does not have. */
    public Cycle requireIteration(String cycleId, int iteration) {
        Cycle cycle = cycles.find(cycleId).orElseThrow(() -> new NotFoundException("cycle", cycleId));
        if (cycle.phases().stream().noneMatch(p -> p.iteration() == iteration)) {
            throw new NotFoundException("iteration", cycleId + "/" + iteration);
        }
        return cycle;
    }

    /**
     * Replaces every phase start of one iteration, after {@link CalendarPolicy} accepts them, in one
     * transaction with its audit row; a refusal changes nothing.
     *
     * @return the cycle as stored afterwards
     */
    public Cycle replaceIteration(String cycleId, int iteration, Map<Phase, LocalDateTime> starts, String actor) {
        Cycle cycle = requireIteration(cycleId, iteration);
        Map<Phase, LocalDateTime> current = new java.util.EnumMap<>(Phase.class);
        cycle.phases().stream().filter(p -> p.iteration() == iteration).forEach(p -> current.put(p.phase(), p.startsAt()));
        CalendarPolicy.Decision decision = CalendarPolicy.check(starts, current, LocalDateTime.now(clock));
        if (!decision.accepted()) throw new InvalidCalendarException(decision);
        jdbi.useTransaction(h -> {
            for (Phase phase : Phase.values()) {
                // Cycles are created with every phase; a phase an older cycle lacks is added rather than lost.
                int updated = h.execute("UPDATE phase SET starts_at = ? WHERE cycle_id = ? AND iteration = ? AND phase = ?",
                        starts.get(phase), cycleId, iteration, phase.name());
                if (updated == 0) {
                    h.execute("INSERT INTO phase (cycle_id, iteration, phase, starts_at) VALUES (?, ?, ?, ?)",
                            cycleId, iteration, phase.name(), starts.get(phase));
                }
            }
            audit.record(h, actor, "calendar.replaced", cycleId + "/" + iteration, Arrays.stream(Phase.values())
                    .map(p -> p + "=" + starts.get(p)).collect(Collectors.joining(",")));
        });
        return cycles.find(cycleId).orElseThrow();
    }

    /** Sets the zone the cycle's times are shown in (the stored times do not move), with its audit row. */
    public Cycle setTimeZone(String cycleId, java.time.ZoneId zone, String actor) {
        Cycle cycle = cycles.find(cycleId).orElseThrow(() -> new NotFoundException("cycle", cycleId));
        jdbi.useTransaction(h -> {
            cycles.setTimeZone(h, cycleId, zone);
            audit.record(h, actor, "calendar.timeZone", cycleId, cycle.timeZone().getId() + " -> " + zone.getId());
        });
        return cycles.find(cycleId).orElseThrow();
    }
}
