package org.residencymatch.web;

import java.util.List;
import org.residencymatch.ConflictException;

/** A refusal's reason in the reader's words: its message key with the arguments (phases, times, texts) written in the reader's language. */
public final class Refusals {

    private Refusals() {}

    static String text(Messages m, String key, Object... arguments) {
        Object[] args = arguments.clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof org.residencymatch.cycle.Phase phase) args[i] = m.t("phase.name." + phase.name());
            else if (args[i] instanceof java.time.LocalDateTime time) args[i] = m.dateTime(time);
            else if (args[i] instanceof java.time.ZonedDateTime time) args[i] = m.dateTime(time);
            else if (args[i] instanceof ConflictException.Text text) args[i] = m.t(text.key());
            else if (args[i] instanceof Integer n) args[i] = String.valueOf(n);
        }
        return m.t(key, args);
    }

    static String text(Messages m, String key, List<Object> arguments) {
        return text(m, key, arguments.toArray());
    }
}
