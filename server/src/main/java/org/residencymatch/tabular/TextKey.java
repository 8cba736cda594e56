package org.residencymatch.tabular;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text to a comparison key, so that what people type and what files contain compare equal
 * when they mean the same: case, accents, apostrophes (straight or curly), hyphens, punctuation and
 * runs of spaces do not count. "Queen’s University", "QUEEN'S  university" and "Queens University"
 * do not all fold the same ("queen s university" vs "queens university"), on purpose: letters count.
 */
public final class TextKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** The key of each Latin-1 character (U+0000 to U+00FF) on its own, as {@link #folded} gives it; 0 for a separator. */
    private static final char[] LATIN1 = latin1Keys();

    private TextKey() {
    }

    /**
     * The key of the text. Text in Latin-1 (ASCII and the accented letters of French, Spanish, German,
     * ...; most names and headers in these files) is folded a character at a time from {@link #LATIN1},
     * without a normaliser or regular expressions: a list folds two names a row. That gives what
     * {@link #folded} gives because in Latin-1 each character decomposes on its own into at most a
     * letter and one accent, and its lower case depends on no neighbour (as Greek's final sigma does).
     */
    public static String of(String text) {
        if (text == null) return "";
        StringBuilder key = new StringBuilder(text.length());
        boolean separated = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= LATIN1.length) return folded(text);
            char folded = LATIN1[c];
            if (folded == 0) {
                separated = true;
                continue;
            }
            // A run of separators is one space, and there is none before the first letter or digit or after the last.
            if (separated && key.length() > 0) key.append(' ');
            separated = false;
            key.append(folded);
        }
        return key.toString();
    }

    /** The key of any text: accents taken off letters, then case folded, then everything but letters and digits a single space. */
    static String folded(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String withoutAccents = MARKS.matcher(decomposed).replaceAll("");
        return SEPARATORS.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    private static char[] latin1Keys() {
        char[] keys = new char[256];
        for (char c = 0; c < keys.length; c++) {
            String key = folded(String.valueOf(c));
            // A letter or digit folds to one character (é to e, Æ to æ), anything else to nothing.
            if (key.length() > 1) throw new IllegalStateException("U+" + Integer.toHexString(c) + " folds to \"" + key + "\"");
            keys[c] = key.isEmpty() ? 0 : key.charAt(0);
        }
        return keys;
    }
}
