package org.residencymatch.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.residencymatch.Refusal;
import org.residencymatch.cycle.Phase;

/**
 * A refusal in the reader's words, and the one formatter of a message's arguments that pages and
 * refusals share: each argument written the reader's way (a time in the cycle's zone, a date, a phase
 * or another text of the bundles by its key), numbers left to the message format, which groups their
 * digits as the locale does.
 */
public final class Refusals {

    private Refusals() {
    }

    /** A text of the bundles with its arguments written in the reader's words. */
    static String text(Messages m, String key, List<?> arguments) {
        Object[] shown = new Object[arguments.size()];
        for (int i = 0; i < shown.length; i++) shown[i] = shown(m, arguments.get(i));
        return m.t(key, shown);
    }

    private static Object shown(Messages m, Object argument) {
        if (argument instanceof Refusal.Key key) return m.t(key.key());
        if (argument instanceof Phase phase) return m.t("phase.name." + phase.name());
        if (argument instanceof LocalDateTime time) return m.dateTime(time);
        if (argument instanceof ZonedDateTime time) return m.dateTime(time);
        if (argument instanceof LocalDate date) return m.date(date);
        return argument;
    }

    /** What the refusal says in the reader's language: its own text, else its code's general text, else the general one. */
    static String message(Messages m, Refusal refusal) {
        if (refusal.message() != null) return text(m, refusal.message());
        return m.has("error.code." + refusal.code()) ? m.t("error.code." + refusal.code()) : m.t("error.code.OTHER");
    }

    /** What to do next, in the reader's language, or null when the refusal does not say. */
    static String nextStep(Messages m, Refusal refusal) {
        return refusal.nextStep() == null ? null : text(m, refusal.nextStep());
    }

    private static String text(Messages m, Refusal.Text text) {
        if (text instanceof Refusal.Keyed keyed) return text(m, keyed.key(), keyed.arguments());
        return ((Refusal.Bilingual) text).text().in(m.locale());
    }
}
