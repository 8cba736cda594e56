package org.residencymatch.lists;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.residencymatch.tabular.TextKey;

/**
 * Reads dates as partner files write them: ISO {@code yyyy-mm-dd} (and {@code yyyy/mm/dd}), day and
 * month names in English or French ({@code 3 April 1990}, {@code April 3, 1990}, {@code 3 avril 1990},
 * {@code 03-Apr-1990}), and {@code dd/mm/yyyy} or {@code mm/dd/yyyy} when only one reading is possible.
 * {@code 03/04/1990} could be 3 April or 4 March: it is read in the {@link DateOrder} the upload
 * settled on ({@link DateOrderPolicy}), and refused when none was, never guessed.
 */
public final class DateReader {

    /** "1er avril 1990": the French ordinal of the first day. */
    private static final Pattern ORDINAL = Pattern.compile("(\\d)(er)\\b");
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
    public record Parsed(LocalDate date, String problem) {
    }

    private DateReader() {
    }

    public static Parsed parse(String raw) {
        return parse(raw, null);
    }

    /** The date, reading {@code 03/04/1990} in {@code order}; null refuses such a date as ambiguous. */
    public static Parsed parse(String raw, DateOrder order) {
        String text = raw.strip();
        Parsed numeric = numeric(text, order);
        if (numeric != null) return numeric;
        String words = ORDINAL.matcher(TextKey.of(text)).replaceAll("$1");
        Matcher m = DAY_MONTH_YEAR.matcher(words);
        if (m.matches() && MONTHS.containsKey(m.group(2)))
            return date(Integer.parseInt(m.group(3)), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)));
        m = MONTH_DAY_YEAR.matcher(words);
        if (m.matches() && MONTHS.containsKey(m.group(1)))
            return date(Integer.parseInt(m.group(3)), MONTHS.get(m.group(1)), Integer.parseInt(m.group(2)));
        return new Parsed(null, "NOT_A_DATE");
    }

    /**
     * A date written with digits only: three runs of ASCII digits, each pair separated by one of
     * {@code - / .}, read as ISO ({@code yyyy-m-d}, runs of 4, 1–2 and 1–2 digits) or as day and month
     * in either order ({@code d-m-yyyy} or {@code m-d-yyyy}, 1–2, 1–2 and 4 digits); null for any other
     * text. Scanned by hand rather than matched with regular expressions: every row has a date, and
     * nearly all are written this way.
     */
    private static Parsed numeric(String text, DateOrder order) {
        int[] runs = runs(text);
        if (runs == null) return null;
        if (runs[3] == 0) return date(runs[0], runs[1], runs[2]);
        int first = runs[0], second = runs[1], year = runs[2];
        if (first > 12 && second <= 12) return date(year, second, first);
        if (second > 12 && first <= 12) return date(year, first, second);
        if (first == second) return date(year, second, first);
        if (first > 12) return new Parsed(null, "NOT_A_DATE");
        if (order == DateOrder.DAY_MONTH) return date(year, second, first);
        if (order == DateOrder.MONTH_DAY) return date(year, first, second);
        return new Parsed(null, "AMBIGUOUS_DATE");
    }

    /**
     * The first two numbers of a date written {@code d-m-yyyy} or {@code m-d-yyyy} (either order), or
     * null for any other text (ISO dates, month names, anything else): what {@link DateOrderPolicy} weighs.
     */
    static int[] dayAndMonthParts(String raw) {
        int[] runs = runs(raw.strip());
        return runs == null || runs[3] == 0 ? null : new int[]{runs[0], runs[1]};
    }

    /**
     * The three numbers of a digit-only date and its form (last element: 0 ISO, 1 day and month first),
     * or null when the text is not one.
     */
    private static int[] runs(String text) {
        int[] runs = new int[4];
        int[] lengths = new int[3];
        int i = 0;
        for (int run = 0; run < 3; run++) {
            if (run > 0) {
                if (i == text.length() || "-/.".indexOf(text.charAt(i)) < 0) return null;
                i++;
            }
            int start = i;
            // More than 4 digits fits no form; stopping there also keeps the value within an int.
            while (i < text.length() && i - start <= 4 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                runs[run] = runs[run] * 10 + text.charAt(i) - '0';
                i++;
            }
            lengths[run] = i - start;
            if (lengths[run] == 0 || lengths[run] > 4) return null;
        }
        if (i < text.length()) return null;
        boolean shortMiddle = lengths[1] <= 2;
        if (lengths[0] == 4 && shortMiddle && lengths[2] <= 2) return runs;
        if (lengths[0] > 2 || !shortMiddle || lengths[2] != 4) return null;
        runs[3] = 1;
        return runs;
    }

    private static Parsed date(int year, int month, int day) {
        try {
            return new Parsed(LocalDate.of(year, month, day), null);
        } catch (DateTimeException e) {
            return new Parsed(null, "NOT_A_REAL_DATE");
        }
    }

}
