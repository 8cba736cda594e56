package org.residencymatch.text;

import java.text.Normalizer;

/**
 * What free text a person may submit (names, emails, messages, comments, labels, search words...): a pure
 * rule that accepts a value, normalised, or refuses it with its reason.
 *
 * <p>Refused: control characters (C0 including NUL, DEL, C1), except line breaks and tabs in a multi-line
 * field; PostgreSQL cannot store NUL at all, and the others are invisible or break lines and files. Also
 * refused: the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make a name or
 * a message display as something other than what it holds. Normalised: the zero-width characters
 * (U+200B–U+200D, U+FEFF) are removed, invisible and only useful to make two equal-looking texts differ,
 * and the text is put in Unicode NFC, so that "é" typed as one character or as "e" and an accent is the
 * same text. Secrets (passwords) are neither refused nor changed: they are only hashed, never stored or
 * shown, and changing one would lock its owner out.
 */
public final class TextPolicy {

    /** The kind of field a value was typed in. */
    public enum Field {
        /** A name, an email, a label, a search: one line. */
        LINE,
        /** A message, a comment, an answer: line breaks and tabs allowed. */
        MULTILINE,
        /** A password: taken as typed. */
        SECRET
    }

    /** The decision on one value. */
    public sealed interface Decision permits Accepted, Refused {
    }

    /** The value as it is to be kept (normalised; the same string when nothing changed). */
    public record Accepted(String text) implements Decision {
    }

    /**
     * The value is refused: {@code reasonKey} is the message key of the reason; {@code codePoint} the first
     * character refused, at {@code index} (in code points).
     */
    public record Refused(String reasonKey, int codePoint, int index) implements Decision {
        /** The character as people can look it up: U+0000. */
        public String character() {
            return String.format("U+%04X", codePoint);
        }
    }

    public static final String CONTROL_CHARACTER = "text.error.control";
    public static final String DIRECTION_OVERRIDE = "text.error.bidi";

    private TextPolicy() {
    }

    public static Decision decide(Field field, String value) {
        if (value == null || field == Field.SECRET) return new Accepted(value);
        int index = 0;
        boolean zeroWidth = false;
        boolean ascii = true;
        for (int i = 0; i < value.length(); index++) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (isControl(c) && !(field == Field.MULTILINE && (c == '\n' || c == '\r' || c == '\t'))) {
                return new Refused(CONTROL_CHARACTER, c, index);
            }
            if (isDirectionOverride(c)) return new Refused(DIRECTION_OVERRIDE, c, index);
            zeroWidth |= isZeroWidth(c);
            ascii &= c < 0x80;
        }
        if (ascii) return new Accepted(value);
        String text = zeroWidth ? value.replaceAll("[\\u200B-\\u200D\\uFEFF]", "") : value;
        return new Accepted(Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC));
    }

    static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    static boolean isDirectionOverride(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    static boolean isZeroWidth(int c) {
        return (c >= 0x200B && c <= 0x200D) || c == 0xFEFF;
    }
}
