package org.residencymatch.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id password hashing with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
public final class Passwords {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

    private Passwords() {}

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean matches(String password, String hash) {
        return Password.check(password, hash).with(ARGON2ID);
    }

    /**
     * Verifies nothing but costs the same as {@link #matches}, so that a login for an unknown email
     * takes as long as one for a known email and does not reveal which accounts exist.
     */
    public static void spendVerificationTime(String password) {
        matches(password, DUMMY_HASH);
    }

    private static final String DUMMY_HASH = hash("not-a-real-password");
}
