package org.residencymatch.web;

import java.util.List;
import org.residencymatch.cycle.Phase;

/** One iteration's form on the calendar page (public for the template). */
public record CalendarForm(int iteration, List<Field> fields) {

    /**
     * One phase's input: its value as typed or stored, its problem (message key, and the key of its argument) if any,
     * and whether the phase has started (its start is then fixed, and the page shows it so instead of refusing on save).
     */
    public record Field(Phase phase, String value, String errorKey, String errorArgKey, boolean started) {
        public String id(int iteration) {
            return "i" + iteration + "-" + phase.name();
        }
    }
}
