package org.residencymatch.cycle;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
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

    /** The iteration whose phases decide an action asked about in an iteration ({@link CycleAction#firstIterationOnly}). */
    private static int deciding(CycleAction action, int iteration) {
        return action.firstIterationOnly() ? 1 : iteration;
    }

    /** Whether the phase table ({@link CycleAction}) allows an action in an iteration now. */
    public boolean isOpen(CycleAction action, int iteration, LocalDateTime now) {
        return action.allows(phaseAt(deciding(action, iteration), now).orElse(null));
    }

    /** When an action opens in an iteration: the start of its first phase, if the cycle dates it. */
    public Optional<LocalDateTime> opens(CycleAction action, int iteration) {
        return startOf(deciding(action, iteration), action.first());
    }

    /** When an action closes in an iteration: the end of its last phase (empty for one open to the iteration's end). */
    public Optional<LocalDateTime> closes(CycleAction action, int iteration) {
        return endOf(deciding(action, iteration), action.last());
    }

    /**
     * Where an action stands in an iteration now, for a page to say plainly when it can be done.
     *
     * @param current the iteration's phase now, null before its first phase
     */
    public record Window(CycleAction action, boolean open, boolean notYetOpen, LocalDateTime opens, LocalDateTime closes, Phase current) {
    }

    public Window window(CycleAction action, int iteration, LocalDateTime now) {
        Phase current = phaseAt(deciding(action, iteration), now).orElse(null);
        return new Window(action, action.allows(current), action.notYetOpen(current), opens(action, iteration).orElse(null),
                closes(action, iteration).orElse(null), current);
    }

    /**
     * Refuses, with the phases and their dates, an action that the iteration's current phase does not
     * allow ({@link CycleAction}). The server enforces this; hiding a button in a page is not enough.
     *
     * @throws ConflictException {@code OUTSIDE_PHASE}, saying when the action opens (or closed) in the reader's language
     */
    public void require(CycleAction action, int iteration, LocalDateTime now) {
        int deciding = deciding(action, iteration);
        Phase current = phaseAt(deciding, now).orElse(null);
        if (action.allows(current)) return;
        String windows = action.phases().stream()
                .map(p -> p + " (" + startOf(deciding, p).map(Object::toString).orElse("?") + " to "
                        + endOf(deciding, p).map(Object::toString).orElse("the end of the iteration") + ")")
                .collect(Collectors.joining(", "));
        throw new ConflictException(outsidePhase(deciding, current, action), action + " is open only during " + windows + " of iteration "
                + deciding + " of " + id + "; it is now " + (current == null ? "before registration" : current.name()) + " (" + now + ")");
    }

    /**
     * The refusal of an action outside its phases: when its first phase opens, when its last closes, the
     * iteration and the phase now, each in the reader's words; and what to do next: when it opens, while
     * it is still to come.
     */
    Refusal outsidePhase(int iteration, Phase current, CycleAction action) {
        Optional<LocalDateTime> opens = startOf(iteration, action.first());
        Refusal refusal = Refusal.of("OUTSIDE_PHASE", "refusal.outsidePhase", phaseName(action.first()),
                opens.<Object>map(this::local).orElse(new Refusal.Key("refusal.dateNotSet")),
                endOf(iteration, action.last()).<Object>map(this::local).orElse(new Refusal.Key("refusal.endOfIteration")), iteration,
                current == null ? new Refusal.Key("phase.name.BEFORE") : phaseName(current));
        return action.notYetOpen(current) && opens.isPresent()
                ? refusal.withNextStep("refusal.outsidePhase.opensOn", local(opens.get()))
                : refusal.withNextStep("refusal.outsidePhase.next");
    }

    /** A phase's name, as an argument of a refusal. */
    public static Refusal.Key phaseName(Phase phase) {
        return new Refusal.Key("phase.name." + phase.name());
    }
}
