package org.residencymatch.account;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing: after {@link #MAX_PER_ACCOUNT} failed sign-ins for one account, or
 * {@link #MAX_PER_ADDRESS} from one address, within {@link #WINDOW}, further attempts are refused
 * until the window has passed. Counted in the database, so every instance sees the same counts.
 */
public final class LoginThrottle {

    public static final int MAX_PER_ACCOUNT = 5;
    public static final int MAX_PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Jdbi jdbi;
    private final Clock clock;

    public LoginThrottle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Whether this account or address has failed too often lately. */
    public boolean isBlocked(String email, String address) {
        LocalDateTime since = LocalDateTime.now(clock).minus(WINDOW);
        return failures(accountKey(email), since) >= MAX_PER_ACCOUNT || failures(addressKey(address), since) >= MAX_PER_ADDRESS;
    }

    public void recordFailure(String email, String address) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbi.useTransaction(h -> {
            h.execute("INSERT INTO login_failure (key_hash, failed_at) VALUES (?, ?)", accountKey(email), now);
            h.execute("INSERT INTO login_failure (key_hash, failed_at) VALUES (?, ?)", addressKey(address), now);
            // Old rows count for nothing; keep the table small.
            h.execute("DELETE FROM login_failure WHERE failed_at < ?", now.minus(WINDOW).minus(WINDOW));
        });
    }

    /** A successful sign-in clears the account's failures (not the address's). */
    public void recordSuccess(String email) {
        jdbi.useHandle(h -> h.execute("DELETE FROM login_failure WHERE key_hash = ?", accountKey(email)));
    }

    private int failures(String key, LocalDateTime since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM login_failure WHERE key_hash = :k AND failed_at >= :since")
                .bind("k", key).bind("since", since).mapTo(Integer.class).one());
    }

    private static String accountKey(String email) {
        return SecretTokens.hash("account:" + Accounts.normalizeEmail(email));
    }

    private static String addressKey(String address) {
        return SecretTokens.hash("address:" + address);
    }
}
