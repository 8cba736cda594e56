package org.residencymatch.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106, version 0x13) hashes in the PHC string format that libargon2 and password4j write:
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, salt and hash in base64 without
 * padding. The password is hashed as its UTF-8 bytes. A hash records its parameters, so one made with
 * other parameters (older, or a test's smaller memory) is still checked as it was made.
 */
final class Argon2id {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,128})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_BYTES = 16, HASH_BYTES = 32;

    private final int memoryKiB, passes, lanes;

    Argon2id(int memoryKiB, int passes, int lanes) {
        this.memoryKiB = memoryKiB;
        this.passes = passes;
        this.lanes = lanes;
    }

    /** A new hash of the password, with a random salt, as a PHC string. */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = compute(password, salt, memoryKiB, passes, lanes, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + passes + ",p=" + lanes + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /** Whether the password is the one the PHC string was made from; false for a string that is not an Argon2id hash. */
    static boolean matches(String password, String phc) {
        Matcher m = PHC.matcher(phc == null ? "" : phc);
        if (!m.matches()) return false;
        int memory = Integer.parseInt(m.group(1)), passes = Integer.parseInt(m.group(2)), lanes = Integer.parseInt(m.group(3));
        // RFC 9106: at least 8 KiB per lane; a stored string outside it was not made by us.
        if (lanes < 1 || passes < 1 || memory < 8 * lanes) return false;
        byte[] expected = B64_DECODE.decode(m.group(5));
        byte[] actual = compute(password, B64_DECODE.decode(m.group(4)), memory, passes, lanes, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] compute(String password, byte[] salt, int memoryKiB, int passes, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB).withIterations(passes).withParallelism(lanes).withSalt(salt).build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
