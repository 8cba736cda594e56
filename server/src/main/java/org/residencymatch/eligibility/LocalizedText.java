package org.residencymatch.eligibility;

import java.util.Locale;
import java.util.Objects;

/** A text in English and in French; both are always present and non-blank. */
public record LocalizedText(String en, String fr) {

    public LocalizedText {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(fr, "fr");
        if (en.isBlank() || fr.isBlank()) {
            throw new IllegalArgumentException("both English and French text are required");
        }
    }

    /** The French text for a French locale, the English text otherwise. */
    public String in(Locale locale) {
        return Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? fr : en;
    }
}
