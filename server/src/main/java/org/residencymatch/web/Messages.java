package org.residencymatch.web;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.residencymatch.text.MessageFiles;

/**
 * The page texts in one language, from {@code i18n/messages_en.properties} and
 * {@code messages_fr.properties} (UTF-8). A test keeps both bundles at parity.
 */
public final class Messages {

    public static final Locale ENGLISH = Locale.CANADA;
    public static final Locale FRENCH = Locale.CANADA_FRENCH;

    private static final Map<String, Messages> BY_LANGUAGE = Map.of("en", load("en", ENGLISH), "fr", load("fr", FRENCH));

    private final String language;
    private final Locale locale;
    private final Properties texts;
    private final ZoneId zone;

    private Messages(String language, Locale locale, Properties texts, ZoneId zone) {
        this.language = language;
        this.locale = locale;
        this.texts = texts;
        this.zone = zone;
    }

    /** The messages of a language code ("en" or "fr"), showing times in UTC; anything else falls back to English. */
    public static Messages of(String language) {
        return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get("en"));
    }

    /** The same texts, showing times in a zone (the cycle's, for pages). */
    public Messages inZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new Messages(language, locale, texts, zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public static boolean isSupported(String language) {
        return language != null && BY_LANGUAGE.containsKey(language);
    }

    static Properties bundle(String language) {
        return BY_LANGUAGE.get(language).texts;
    }

    private static Messages load(String language, Locale locale) {
        return new Messages(language, locale, MessageFiles.load(language), ZoneId.of("UTC"));
    }

    public String language() {
        return language;
    }

    /** The other language, for the language switch. */
    public String otherLanguage() {
        return language.equals("fr") ? "en" : "fr";
    }

    public Locale locale() {
        return locale;
    }

    /** The text of a key, with {0}-style arguments; a missing key shows as itself so it is noticed. */
    /** Whether the bundle has a text for this key (for texts chosen by a code, with a general one otherwise). */
    public boolean has(String key) {
        return texts.getProperty(key) != null;
    }

    public String t(String key, Object... args) {
        String text = texts.getProperty(key);
        if (text == null) return "??" + key + "??";
        // Every text goes through MessageFormat, so an apostrophe is written '' in every bundle entry.
        return new MessageFormat(text, locale).format(args);
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** A percentage (0 to 100) to one decimal at most, as the locale writes it ("2.5%", "2,5 %"): 2 of 1,438 is not 0%. */
    public String percent(double percent) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(percent / 100);
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    /** A stored (UTC) time in this zone, with the zone's abbreviation, as the locale writes it ("Feb. 11, 2025, 10:00 a.m. EST"). */
    public String dateTime(LocalDateTime utc) {
        return utc == null ? "" : dateTime(utc.atZone(ZoneOffset.UTC).withZoneSameInstant(zone));
    }

    /** A time in its own zone, with the zone's abbreviation ("11 févr. 2025 10 h 00 HNE"). */
    public String dateTime(ZonedDateTime time) {
        if (time == null) return "";
        return time.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)) + " "
                + time.format(DateTimeFormatter.ofPattern("zzz", locale));
    }

    /** The zone's name as people say it, with its identifier ("Eastern Time (America/Toronto)"). */
    public String zoneName() {
        return zone.getDisplayName(java.time.format.TextStyle.FULL, locale) + " (" + zone.getId() + ")";
    }
}
