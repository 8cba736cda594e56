package org.residencymatch.account;

/**
 * Argon2id password hashing with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). A hash is
 * verified with the parameters it records, so hashes made before a change of parameters keep working.
 */
public final class Passwords {

    /**
     * A test run may hash with less memory ({@value #TEST_MEMORY_PROPERTY}, in KiB; the build sets it):
     * its whole-cycle tests sign hundreds of people in, and at 19 MiB the hashing was most of their time.
     * The service never sets it.
     */
    static final String TEST_MEMORY_PROPERTY = "residency.passwords.testMemoryKiB";
    private static final Argon2id ARGON2ID = argon2id(System.getProperty(TEST_MEMORY_PROPERTY));

    /** Argon2id at OWASP's minimum, or with the memory a test run asks for. */
    static Argon2id argon2id(String testMemoryKiB) {
        int memoryKiB = testMemoryKiB == null ? 19 * 1024 : Integer.parseInt(testMemoryKiB);
        return new Argon2id(memoryKiB, 2, 1);
    }

    /**
     * One hash per core at a time. Each takes its 19 MiB and the work is all
     * CPU, so more at once only adds memory: 20 sign-ins a second on 2 cores queued dozens of them in
     * Jetty's threads and ran a 1 GB heap out of memory, failing every request. A sign-in that waits
     * longer than 10 seconds for its turn is told to try again ({@link Busy}).
     */
    private static final Turns TURNS = new Turns(Runtime.getRuntime().availableProcessors(), java.time.Duration.ofSeconds(10));

    /** Too many passwords are being checked at once just now; the caller may try again in a few seconds. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many sign-ins are being checked at once just now; try again in a few seconds");
        }
    }

    private Passwords() {
    }

    public static String hash(String password) {
        return TURNS.run(() -> ARGON2ID.hash(password));
    }

    public static boolean matches(String password, String hash) {
        return TURNS.run(() -> Argon2id.matches(password, hash));
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
