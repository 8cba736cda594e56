package org.residencymatch.web;

import java.time.LocalDateTime;
import org.residencymatch.cycle.Phase;

/** One phase of an iteration's calendar as the applicant's home page lists it ({@code ends} is null for the last). */
public record CalendarRow(Phase phase, LocalDateTime starts, LocalDateTime ends, boolean current) {
}
