package org.residencymatch.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The receipt code of a submitted rank order list: ten characters of base32 (RFC 4648, A-Z and 2-7)
 * from the SHA-256 of a canonical text of what was submitted: the cycle, the iteration, the list's
 * owner (kind and id), its version and its ranks in order. Anyone holding the code and the owner can
 * have the operator check it against the stored version: a list changed after the fact, or another
 * version, gives another code. Pure: reads nothing but its arguments.
 *
 * <p>The canonical text is one field a line, {@code rol-receipt-v1} first; a "no match" side of a
 * couple's pair is {@code -}. Every field is the length of its text, a colon, then the text, so no
 * choice of ids can make two different lists serialize alike.
 */
public final class RankListReceipt {

    /** Characters in a code. 50 bits: a chance collision between two versions of one owner is negligible. */
    public static final int LENGTH = 10;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private RankListReceipt() {
    }

    /** The code of this version of a list. */
    public static String code(String cycleId, int iteration, String ownerKind, String ownerId, int version, List<RankList.Entry> entries) {
        StringBuilder text = new StringBuilder("rol-receipt-v1\n");
        field(text, cycleId);
        field(text, String.valueOf(iteration));
        field(text, ownerKind);
        field(text, ownerId);
        field(text, String.valueOf(version));
        field(text, String.valueOf(entries.size()));
        for (RankList.Entry entry : entries) {
            field(text, entry.item() == null ? "-" : entry.item());
            if (ownerKind.equals(RankListService.COUPLE)) field(text, entry.second() == null ? "-" : entry.second());
        }
        return base32(sha256(text.toString())).substring(0, LENGTH);
    }

    /** The code of a stored list. */
    public static String code(String cycleId, int iteration, RankList list) {
        return code(cycleId, iteration, list.ownerKind(), list.ownerId(), list.version(), list.entries());
    }

    /** A code as people read it: two groups of five, {@code ABCDE-FGHIJ}. */
    public static String shown(String code) {
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    /**
     * A code as someone typed it, in the form {@link #code} gives: case, spaces and dashes do not
     * count, and the digits 0, 1 and 8, which base32 does not use, are read as the letters O, I and B
     * they are mistaken for. Empty when what remains cannot be a code.
     */
    public static Optional<String> parse(String typed) {
        if (typed == null) return Optional.empty();
        StringBuilder code = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-') continue;
            char read = c == '0' ? 'O' : c == '1' ? 'I' : c == '8' ? 'B' : c;
            if (ALPHABET.indexOf(read) < 0) return Optional.empty();
            code.append(read);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    private static void field(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value).append('\n');
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        return out.toString();
    }
}
