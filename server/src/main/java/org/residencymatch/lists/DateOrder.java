package org.residencymatch.lists;

import java.util.Locale;
import java.util.Optional;

/**
 * How a file writes a date made of two short numbers and a year, such as {@code 03/04/1990}: day
 * first (French, and most of the world's, Excel) or month first (American Excel).
 */
public enum DateOrder {
    DAY_MONTH, MONTH_DAY;

    /** The order a person reading pages in this language most likely writes (fr: day/month, else month/day). */
    public static DateOrder defaultFor(String language) {
        return "fr".equals(language) ? DAY_MONTH : MONTH_DAY;
    }

    /** The order named by a form field or query parameter ({@code DAY_MONTH} or {@code MONTH_DAY}, any case); empty when absent or blank. */
    public static Optional<DateOrder> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dateOrder must be DAY_MONTH or MONTH_DAY, not \"" + text.strip() + "\"");
        }
    }
}
