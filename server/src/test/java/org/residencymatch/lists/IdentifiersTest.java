package org.residencymatch.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class IdentifiersTest {

    @Example
    void readsAMincInAnyCaseAndChecksItsCheckDigit() {
        assertThat(Identifiers.minc(" camd-0000-0019 ").value()).contains("CAMD-0000-0019");
        assertThat(Identifiers.minc("CAMD-0000-0018").problem()).isEqualTo("MINC_CHECK");
        assertThat(Identifiers.minc("CAMD-000-00019").problem()).isEqualTo("MINC_FORMAT");
    }

    @Example
    void theMincsPublishedWholeAreValid() {
        // MINC#NIMC's example (minc-nimc.ca) and a physician's MINC published with their other identifiers.
        assertThat(Identifiers.minc("CAMD-1234-5679").isValid()).isTrue();
        assertThat(Identifiers.minc("CAMD-0224-1997").isValid()).isTrue();
    }

    @Property
    void anyOneDigitMistypedIsCaught(@ForAll @IntRange(min = 0, max = 9_999_999) int digits,
            @ForAll @IntRange(min = 0, max = 7) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] minc = Identifiers.mincFor(digits).toCharArray();
        int at = position < 4 ? 5 + position : 6 + position; // the eight digits of CAMD-NNNN-NNNC
        minc[at] = (char) ('0' + (minc[at] - '0' + shift) % 10);
        assertThat(Identifiers.minc(new String(minc)).problem()).isEqualTo("MINC_CHECK");
    }

    @Property
    void everyMincBuiltIsRead(@ForAll @IntRange(min = 0, max = 9_999_999) int digits) {
        String minc = Identifiers.mincFor(digits);
        assertThat(Identifiers.minc(minc.toLowerCase(Locale.ROOT)).value()).contains(minc);
    }

    /** The hand-written check of a MINC's form gives what the regular expression it replaced gave. */
    @Property(tries = 3000)
    void aMincIsReadAsTheRegularExpressionReadIt(@ForAll("mincs") String text) {
        assertThat(Identifiers.minc(text)).isEqualTo(regexMinc(text));
    }

    @Provide
    Arbitrary<String> mincs() {
        Arbitrary<String> nearlyRight = Arbitraries.integers().between(0, 9_999_999).map(Identifiers::mincFor)
                .flatMap(minc -> Arbitraries.integers().between(0, minc.length()).flatMap(at -> Arbitraries
                        .of("", "0", "-", "x", "٣", " ", "é")
                        .flatMap(insert -> Arbitraries.of(true, false).map(
                                replace -> minc.substring(0, at) + insert + minc.substring(replace && at < minc.length() ? at + 1 : at)))));
        return Arbitraries.oneOf(nearlyRight, Arbitraries.strings().withChars("CAMDcamd-0123456789 ").ofMaxLength(16));
    }

    /** The applicant id check gives what the regular expression it replaced gave. */
    @Property(tries = 2000)
    void anApplicantIdIsCheckedAsTheRegularExpressionCheckedIt(@ForAll("applicantIds") String text) {
        assertThat(ListFileReader.isApplicantId(text)).isEqualTo(text.matches("[A-Za-z0-9_-]{1,40}"));
    }

    @Provide
    Arbitrary<String> applicantIds() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("aZ09_-").ofMaxLength(42), Arbitraries.strings().ofMaxLength(42));
    }

    private static final Pattern MINC = Pattern.compile("CAMD-(\\d{4})-(\\d{3})([0-9])");

    private static Identifiers.Result regexMinc(String raw) {
        String value = raw.strip().toUpperCase(Locale.ROOT);
        Matcher m = MINC.matcher(value);
        if (!m.matches()) return Identifiers.Result.invalid("MINC_FORMAT");
        if (Identifiers.checkDigit(m.group(1) + m.group(2)) != m.group(3).charAt(0) - '0') return Identifiers.Result.invalid("MINC_CHECK");
        return Identifiers.Result.valid(value);
    }
}
