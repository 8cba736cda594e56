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

    private TextKey() {}

    public static String of(String text) {
        if (text == null) return "";
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String withoutAccents = MARKS.matcher(decomposed).replaceAll("");
        return SEPARATORS.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
