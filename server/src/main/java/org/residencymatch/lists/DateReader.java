package org.residencymatch.lists;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.residencymatch.tabular.TextKey;

/**
 * Reads dates as partner files write them: ISO {@code yyyy-mm-dd} (and {@code yyyy/mm/dd}), day and
 * month names in English or French ({@code 3 April 1990}, {@code April 3, 1990}, {@code 3 avril 1990},
 * {@code 03-Apr-1990}), and {@code dd/mm/yyyy} or {@code mm/dd/yyyy} when only one reading is possible.
 * {@code 03/04/1990} could be 3 April or 4 March: it is refused, never guessed.
 */
public final class DateReader {

    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2}) ([a-z]+) (\\d{4})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("([a-z]+) (\\d{1,2}) (\\d{4})");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("janv", 1), Map.entry("janvier", 1),
            Map.entry("feb", 2), Map.entry("february", 2), Map.entry("fev", 2), Map.entry("fevr", 2), Map.entry("fevrier", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("mars", 3),
            Map.entry("apr", 4), Map.entry("april", 4), Map.entry("avr", 4), Map.entry("avril", 4),
            Map.entry("may", 5), Map.entry("mai", 5),
            Map.entry("jun", 6), Map.entry("june", 6), Map.entry("juin", 6),
            Map.entry("jul", 7), Map.entry("july", 7), Map.entry("juil", 7), Map.entry("juillet", 7),
            Map.entry("aug", 8), Map.entry("august", 8), Map.entry("aout", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("september", 9), Map.entry("septembre", 9),
            Map.entry("oct", 10), Map.entry("october", 10), Map.entry("octobre", 10),
            Map.entry("nov", 11), Map.entry("november", 11), Map.entry("novembre", 11),
            Map.entry("dec", 12), Map.entry("december", 12), Map.entry("decembre", 12));

    /**
     * A date, or why the text is not one: {@code AMBIGUOUS_DATE}, {@code NOT_A_REAL_DATE} (e.g. 30
     * February) or {@code NOT_A_DATE}; the texts are {@code listProblem.<code>} in the message bundles.
     */
    public record Parsed(LocalDate date, String problem) {}

    private DateReader() {}

    public static Parsed parse(String raw) {
        String text = raw.strip();
        Matcher m = ISO.matcher(text);
        if (m.matches()) return date(raw, m.group(1), m.group(2), m.group(3));
        m = NUMERIC.matcher(text);
        if (m.matches()) {
            int first = Integer.parseInt(m.group(1)), second = Integer.parseInt(m.group(2));
            if (first > 12 && second <= 12) return date(raw, m.group(3), m.group(2), m.group(1));
            if (second > 12 && first <= 12) return date(raw, m.group(3), m.group(1), m.group(2));
            if (first == second) return date(raw, m.group(3), m.group(2), m.group(1));
            if (first > 12) return new Parsed(null, "NOT_A_DATE");
            return new Parsed(null, "AMBIGUOUS_DATE");
        }
        String words = TextKey.of(text).replaceAll("(\\d)(er)\\b", "$1");
        m = DAY_MONTH_YEAR.matcher(words);
        if (m.matches() && MONTHS.containsKey(m.group(2))) return date(raw, m.group(3), String.valueOf(MONTHS.get(m.group(2))), m.group(1));
        m = MONTH_DAY_YEAR.matcher(words);
        if (m.matches() && MONTHS.containsKey(m.group(1))) return date(raw, m.group(3), String.valueOf(MONTHS.get(m.group(1))), m.group(2));
        return new Parsed(null, "NOT_A_DATE");
    }

    private static Parsed date(String raw, String year, String month, String day) {
        try {
            return new Parsed(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)), null);
        } catch (DateTimeException e) {
            return new Parsed(null, "NOT_A_REAL_DATE");
        }
    }

}
