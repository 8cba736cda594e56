package org.residencymatch.account;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Counts events per key in fixed windows, one row per key (never one per event, so a flood of
 * failures cannot fill the disk), in the database so that every instance sees the same counts. Keys
 * are stored hashed; a key may name its account so that everything counted against the account can
 * be cleared at once.
 */
final class ThrottleCounters {

    private static final String COUNT = """
            SELECT hits FROM throttle_counter WHERE key_hash = :key AND expires_at > :now
            """;
    private static final String BUMP = """
            UPDATE throttle_counter
               SET hits = CASE WHEN expires_at > :now THEN hits + 1 ELSE 1 END,
                   expires_at = CASE WHEN expires_at > :now THEN expires_at ELSE :expires END
             WHERE key_hash = :key
            """;
    private static final String INSERT = """
            INSERT INTO throttle_counter (key_hash, account_hash, hits, expires_at) VALUES (:key, :account, 1, :expires)
            """;

    private final Jdbi jdbi;
    private final Clock clock;

    ThrottleCounters(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** How many events the key has counted in its current window. */
    int count(String key) {
        return jdbi.withHandle(h -> count(h, key));
    }

    int count(Handle h, String key) {
        return h.createQuery(COUNT).bind("key", SecretTokens.hash(key)).bind("now", LocalDateTime.now(clock))
                .mapTo(Integer.class).findOne().orElse(0);
    }

    /** Counts one event; a key whose window has passed starts a new window of {@code window}. */
    void bump(String key, String accountKey, Duration window) {
        jdbi.useHandle(h -> bump(h, key, accountKey, window));
    }

    void bump(Handle h, String key, String accountKey, Duration window) {
        LocalDateTime now = LocalDateTime.now(clock);
        String hash = SecretTokens.hash(key);
        if (update(h, hash, now, window) > 0) return;
        try {
            h.createUpdate(INSERT).bind("key", hash).bind("account", accountKey == null ? null : SecretTokens.hash(accountKey))
                    .bind("expires", now.plus(window)).execute();
        } catch (RuntimeException raced) {
            // Another request inserted the key in between: count on its row. (Outside a transaction only:
            // PostgreSQL gives up a transaction whose statement failed, so callers in one see it fail.)
            if (h.isInTransaction() || update(h, hash, now, window) == 0) throw raced;
        }
    }

    private static int update(Handle h, String hash, LocalDateTime now, Duration window) {
        return h.createUpdate(BUMP).bind("key", hash).bind("now", now).bind("expires", now.plus(window)).execute();
    }

    void clear(String key) {
        jdbi.useHandle(h -> h.execute("DELETE FROM throttle_counter WHERE key_hash = ?", SecretTokens.hash(key)));
    }

    /** Forgets everything counted against the account. */
    static void clearAccount(Handle h, String accountKey) {
        h.execute("DELETE FROM throttle_counter WHERE account_hash = ?", SecretTokens.hash(accountKey));
    }

    /** Deletes the counters whose window has passed; returns how many. */
    int sweep() {
        return jdbi.withHandle(h -> h.execute("DELETE FROM throttle_counter WHERE expires_at <= ?", LocalDateTime.now(clock)));
    }
}
