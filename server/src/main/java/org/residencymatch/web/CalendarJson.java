package org.residencymatch.web;

import java.time.LocalDateTime;
import java.util.List;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.Phase;

/** The JSON shapes of {@link CalendarRoutes}' API, as records named after their schemas in {@code openapi.yaml}. */
final class CalendarJson {

    static final String TIME_ZONE_EXPECTED = "timeZone must be an IANA time zone such as America/Toronto";

    private CalendarJson() {
    }

    /** An iteration's calendar: when each phase starts, in UTC, and the cycle's time zone for pages. */
    record Calendar(String cycle, int iteration, String timeZone, List<PhaseStart> phases) {

        static Calendar of(Cycle cycle, int iteration) {
            return new Calendar(cycle.id(), iteration, cycle.timeZone().getId(), cycle.phases().stream()
                    .filter(p -> p.iteration() == iteration)
                    .map(p -> new PhaseStart(p.phase(), p.startsAt()))
                    .toList());
        }
    }

    record PhaseStart(Phase phase, LocalDateTime startsAt) {
    }

    record CycleTimeZone(String cycle, String timeZone) {
    }

    /** A cycle's new time zone, checked by the route (an IANA id); anything but a text is refused the same way. */
    record TimeZoneRequest(@ApiRequests.Mistyped(TIME_ZONE_EXPECTED) String timeZone) {
    }
}
