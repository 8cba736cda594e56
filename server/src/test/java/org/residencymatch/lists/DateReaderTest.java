package org.residencymatch.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DateReaderTest {

    @Example
    void readsIsoAndUnambiguousNumericDatesAndRefusesAmbiguousOnes() {
        assertThat(DateReader.parse(" 1990-04-03 ").date()).isEqualTo(LocalDate.of(1990, 4, 3));
        assertThat(DateReader.parse("1990/4/3").date()).isEqualTo(LocalDate.of(1990, 4, 3));
        assertThat(DateReader.parse("25/12/1990").date()).isEqualTo(LocalDate.of(1990, 12, 25));
        assertThat(DateReader.parse("12.25.1990").date()).isEqualTo(LocalDate.of(1990, 12, 25));
        assertThat(DateReader.parse("03/03/1990").date()).isEqualTo(LocalDate.of(1990, 3, 3));
        assertThat(DateReader.parse("03/04/1990").problem()).isEqualTo("AMBIGUOUS_DATE");
        assertThat(DateReader.parse("13/14/1990").problem()).isEqualTo("NOT_A_DATE");
        assertThat(DateReader.parse("1990-02-30").problem()).isEqualTo("NOT_A_REAL_DATE");
        assertThat(DateReader.parse("1er avril 1990").date()).isEqualTo(LocalDate.of(1990, 4, 1));
        assertThat(DateReader.parse("April 3, 1990").date()).isEqualTo(LocalDate.of(1990, 4, 3));
        assertThat(DateReader.parse("03-Apr-1990").date()).isEqualTo(LocalDate.of(1990, 4, 3));
    }

    /** The hand-written reading of digit-only dates gives what the regular expressions it replaced gave. */
    @Property(tries = 3000)
    void digitDatesAreReadAsTheRegularExpressionsReadThem(@ForAll("digitDates") String text) {
        assertThat(DateReader.parse(text)).isEqualTo(regexParse(text));
    }

    @Provide
    Arbitrary<String> digitDates() {
        Arbitrary<String> runs = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(6);
        Arbitrary<String> separators = Arbitraries.of("-", "/", ".", " ", "", "--", "x", ",");
        Arbitrary<String> shaped = Combinators.combine(runs, separators, runs, separators, runs, Arbitraries.of("", " ", ".", "-1"))
                .as((a, s1, b, s2, c, end) -> a + s1 + b + s2 + c + end);
        return Arbitraries.oneOf(shaped, Arbitraries.strings().withChars("0123456789-/. ").ofMaxLength(14));
    }

    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");

    /** DateReader.parse as it was for digit-only dates (other texts go on to the month names, as before). */
    private static DateReader.Parsed regexParse(String raw) {
        String text = raw.strip();
        Matcher m = ISO.matcher(text);
        if (m.matches()) return date(m.group(1), m.group(2), m.group(3));
        m = NUMERIC.matcher(text);
        if (m.matches()) {
            int first = Integer.parseInt(m.group(1)), second = Integer.parseInt(m.group(2));
            if (first > 12 && second <= 12) return date(m.group(3), m.group(2), m.group(1));
            if (second > 12 && first <= 12) return date(m.group(3), m.group(1), m.group(2));
            if (first == second) return date(m.group(3), m.group(2), m.group(1));
            if (first > 12) return new DateReader.Parsed(null, "NOT_A_DATE");
            return new DateReader.Parsed(null, "AMBIGUOUS_DATE");
        }
        // A text of digits and separators names no month.
        return new DateReader.Parsed(null, "NOT_A_DATE");
    }

    private static DateReader.Parsed date(String year, String month, String day) {
        try {
            return new DateReader.Parsed(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)), null);
        } catch (DateTimeException e) {
            return new DateReader.Parsed(null, "NOT_A_REAL_DATE");
        }
    }
}
