package org.residencymatch.cycle;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.residencymatch.ConflictException;
import org.residencymatch.Refusal;

/**
 * One year's match, e.g. {@code 2025-R1}, with its two iterations.
 *
 * @param phases every phase start of both iterations, in time order within each iteration (UTC, as every stored time)
 * @param timeZone the zone its dates and times are shown in to people
 */
public record Cycle(String id, String name, int matchYear, List<PhaseStart> phases, ZoneId timeZone) {

    /** The zone of a cycle that names none: the Canadian R-1 match publishes its calendar in Eastern time. */
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("America/Toronto");

    public Cycle(String id, String name, int matchYear, List<PhaseStart> phases) {
        this(id, name, matchYear, phases, DEFAULT_TIME_ZONE);
    }

    /** A stored (UTC) time as people of this cycle read it. */
    public ZonedDateTime local(LocalDateTime utc) {
        return utc.atZone(ZoneOffset.UTC).withZoneSameInstant(timeZone);
    }

    /** When a phase of an iteration starts. */
    public record PhaseStart(int iteration, Phase phase, LocalDateTime startsAt) {
    }

    /** The phase of an iteration at a time, or empty before the iteration's first phase. */
    public Optional<Phase> phaseAt(int iteration, LocalDateTime now) {
        Phase current = null;
        for (PhaseStart start : phases) {
            if (start.iteration() == iteration && !start.startsAt().isAfter(now)) current = start.phase();
        }
        return Optional.ofNullable(current);
    }

    /** When a phase of an iteration starts, if the cycle has it. */
    public Optional<LocalDateTime> startOf(int iteration, Phase phase) {
        return phases.stream().filter(p -> p.iteration() == iteration && p.phase() == phase).map(PhaseStart::startsAt).findFirst();
    }

    /** When a phase ends: when the iteration's next phase starts (empty for the last phase). */
    public Optional<LocalDateTime> endOf(int iteration, Phase phase) {
        LocalDateTime start = startOf(iteration, phase).orElse(null);
        if (start == null) return Optional.empty();
        return phases.stream().filter(p -> p.iteration() == iteration && p.startsAt().isAfter(start))
                .map(PhaseStart::startsAt).min(LocalDateTime::compareTo);
    }

    /**
     * Refuses a registration outside its window, with the phases and their dates: applicants register
     * while they can still declare a profile and select programs, during registration and program
     * selection of the first iteration.
     */
    public void requireRegistrationOpen(LocalDateTime now) {
        requirePhase(1, now, "Registering", Phase.REGISTRATION, Phase.PROGRAM_SELECTION);
    }

    /**
     * Refuses, with the phase and its dates, an action that the iteration's current phase does not
     * allow. The server enforces this; hiding a button in a page is not enough.
     */
    public void requirePhase(int iteration, LocalDateTime now, String action, Phase... allowed) {
        Phase current = phaseAt(iteration, now).orElse(null);
        if (current != null && Arrays.asList(allowed).contains(current)) return;
        String windows = Arrays.stream(allowed)
                .map(p -> p + " (" + startOf(iteration, p).map(Object::toString).orElse("?") + " to "
                        + endOf(iteration, p).map(Object::toString).orElse("the end of the iteration") + ")")
                .collect(Collectors.joining(", "));
        throw new ConflictException(outsidePhase(iteration, current, allowed), action + " is open only during " + windows + " of iteration "
                + iteration + " of " + id + "; it is now " + (current == null ? "before registration" : current.name()) + " (" + now + ")");
    }

    /**
     * The refusal of an action outside its phases: when the first of them opens, when the last closes,
     * the iteration and the phase now, each in the reader's words.
     */
    Refusal outsidePhase(int iteration, Phase current, Phase... allowed) {
        Phase first = allowed[0], last = allowed[allowed.length - 1];
        return Refusal.of("OUTSIDE_PHASE", "refusal.outsidePhase", phaseName(first),
                startOf(iteration, first).<Object>map(this::local).orElse(new Refusal.Key("refusal.dateNotSet")),
                endOf(iteration, last).<Object>map(this::local).orElse(new Refusal.Key("refusal.endOfIteration")), iteration,
                current == null ? new Refusal.Key("phase.name.BEFORE") : phaseName(current))
                .withNextStep("refusal.outsidePhase.next");
    }

    /** A phase's name, as an argument of a refusal. */
    public static Refusal.Key phaseName(Phase phase) {
        return new Refusal.Key("phase.name." + phase.name());
    }
}
