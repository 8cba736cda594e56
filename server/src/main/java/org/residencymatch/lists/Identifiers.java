package org.residencymatch.lists;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identifiers partner lists use for applicants, checked and normalised.
 *
 * <p>The MINC (Medical Identification Number for Canada) is written {@code CAMD-NNNN-NNNC}: seven
 * digits and a check digit "determined by a mathematical formula, to catch transposition errors"
 * (minc-nimc.ca), which the public descriptions do not give. This system uses the Luhn digit with
 * the weights 1, 2, 1, 2, ... from the first of the seven digits: it agrees with the two MINCs
 * published whole, MINC#NIMC's own example CAMD-1234-5679 and a physician's CAMD-0224-1997, where
 * the usual Luhn weighting (2 on the last digit) gives 4 and 0 and a mod-11 digit disagrees with the
 * second. Two agreements are evidence, not a specification: the rule is kept in {@link #checkDigit}
 * alone, so a correction is a one-line change.
 *
 * <p>The MCC candidate code has ten digits; hyphens and spaces are tolerated. Applicants often drop a
 * digit when pasting the hyphenated form, so a nine-digit code is kept as a hint for a probable match
 * rather than refused.
 */
public final class Identifiers {

    private static final Pattern MCC_SEPARATORS = Pattern.compile("[\\s-]");

    private Identifiers() {
    }

    /** A MINC in canonical form, or why it is not one. */
    public static Result minc(String raw) {
        String value = raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (!isMincForm(value)) return Result.invalid("MINC_FORMAT");
        String digits = value.substring(5, 9) + value.substring(10, 13);
        if (checkDigit(digits) != value.charAt(13) - '0') {
            return Result.invalid("MINC_CHECK");
        }
        return Result.valid(value);
    }

    /** Whether the text is {@code CAMD-NNNN-NNNN} (ASCII digits); checked by hand, not matched: a list has a MINC a row. */
    private static boolean isMincForm(String text) {
        if (text.length() != 14 || !text.startsWith("CAMD-") || text.charAt(9) != '-') return false;
        for (int i = 5; i < 14; i++) {
            if (i != 9 && (text.charAt(i) < '0' || text.charAt(i) > '9')) return false;
        }
        return true;
    }

    /** Builds a MINC with its check character from seven digits (for demo data and tests). */
    public static String mincFor(int sevenDigits) {
        String digits = String.format(java.util.Locale.ROOT, "%07d", sevenDigits);
        return "CAMD-" + digits.substring(0, 4) + "-" + digits.substring(4) + checkDigit(digits);
    }

    /** The MINC check digit of its seven digits (see the class comment for where the rule comes from). */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 2);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }

    /** An MCC candidate code as its ten digits; a nine-digit code is {@link Result#partial() partial}. */
    public static Result mccCandidateCode(String raw) {
        String digits = MCC_SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (!digits.chars().allMatch(Character::isDigit) || digits.isEmpty()) {
            return Result.invalid("MCC_FORMAT");
        }
        if (digits.length() == 10) return Result.valid(digits);
        if (digits.length() == 9) return new Result(Optional.of(digits), null, true);
        return Result.invalid("MCC_FORMAT");
    }

    /**
     * The outcome of checking an identifier.
     *
     * @param value the normalised identifier, when usable
     * @param problem why it is refused, when it is: a problem code (MINC_FORMAT, MINC_CHECK, MCC_FORMAT)
     * @param partial the value is incomplete (a 9-digit MCC code) and only good for a probable match
     */
    public record Result(Optional<String> value, String problem, boolean partial) {
        static Result valid(String value) {
            return new Result(Optional.of(value), null, false);
        }

        static Result invalid(String problem) {
            return new Result(Optional.empty(), problem, false);
        }

        public boolean isValid() {
            return problem == null;
        }
    }
}
