package org.residencymatch;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.residencymatch.eligibility.LocalizedText;

/**
 * Why something is refused, in one shape for every policy and service: a stable code (what the API
 * answers and outside tools test), the explanation in the reader's words, and what to do next. A
 * policy returns it in its decision; a service throws it in a {@link ConflictException}; the web layer
 * says it in the reader's language, as a page or as the API's JSON {@code message}.
 *
 * <p>The texts are either a key of the message bundles ({@code i18n/messages_*.properties}, where a
 * test keeps English and French at parity) with typed arguments, or a text given in both languages
 * (as the eligibility rules files give theirs). Arguments are typed so that each is written the
 * reader's way: see {@link Keyed}.
 *
 * @param code     stable, upper case ({@code OUTSIDE_PHASE}, {@code QUOTAS_FROZEN}, …)
 * @param message  the explanation; null when the code's general text ({@code error.code.<code>}) says it all
 * @param nextStep what the reader can do about it; null when the page's general advice fits
 */
public record Refusal(String code, Text message, Text nextStep) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[A-Z][A-Z0-9_]*")) throw new IllegalArgumentException("a refusal's code is upper case: " + code);
    }

    /** A text of a refusal. */
    public sealed interface Text permits Keyed, Bilingual {
    }

    /**
     * A text of the message bundles with its arguments, each of a type the reader's language writes its
     * own way: a number (grouped as the locale groups digits), a {@link LocalDateTime} (a stored UTC time,
     * shown in the cycle's zone), a {@link ZonedDateTime}, a {@link LocalDate}, a {@link Key} (another
     * text of the bundles: a phase's name, say) or a {@link String} that no language changes (an id).
     */
    public record Keyed(String key, List<Object> arguments) implements Text {
        public Keyed {
            Objects.requireNonNull(key, "key");
            arguments = List.copyOf(arguments);
            for (Object argument : arguments) {
                if (!(argument instanceof Number || argument instanceof String || argument instanceof LocalDateTime
                        || argument instanceof ZonedDateTime || argument instanceof LocalDate || argument instanceof Key)) {
                    throw new IllegalArgumentException("a refusal's argument must be a number, a time, a date, a Key or a String, not "
                            + (argument == null ? "null" : argument.getClass().getSimpleName()));
                }
            }
        }
    }

    /** A text given in English and French (an eligibility rule's, a reconciliation's). */
    public record Bilingual(LocalizedText text) implements Text {
        public Bilingual {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An argument that is itself a text of the message bundles, e.g. {@code phase.name.MATCH}. */
    public record Key(String key) {
        public Key {
            Objects.requireNonNull(key, "key");
        }
    }

    /** A refusal that the code's general text ({@code error.code.<code>}) explains. */
    public static Refusal of(String code) {
        return new Refusal(code, null, null);
    }

    /** A refusal explained by a text of the message bundles. */
    public static Refusal of(String code, String messageKey, Object... arguments) {
        return new Refusal(code, new Keyed(messageKey, List.of(arguments)), null);
    }

    /** A refusal explained in both languages. */
    public static Refusal of(String code, LocalizedText message) {
        return new Refusal(code, new Bilingual(message), null);
    }

    /** The same refusal, saying what to do next with a text of the message bundles. */
    public Refusal withNextStep(String key, Object... arguments) {
        return new Refusal(code, message, new Keyed(key, List.of(arguments)));
    }

    /** The same refusal, saying what to do next in both languages. */
    public Refusal withNextStep(LocalizedText nextStep) {
        return new Refusal(code, message, new Bilingual(nextStep));
    }

    /** The message's key, or null when it is not a text of the bundles. */
    public String messageKey() {
        return message instanceof Keyed keyed ? keyed.key() : null;
    }

    /** The message's arguments (none when it is not a text of the bundles). */
    public List<Object> arguments() {
        return message instanceof Keyed keyed ? keyed.arguments() : List.of();
    }

    /** The message in both languages, or null when it is a text of the bundles (or the code's own). */
    public LocalizedText bilingual() {
        return message instanceof Bilingual bilingual ? bilingual.text() : null;
    }
}
