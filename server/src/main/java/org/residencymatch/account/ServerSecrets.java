package org.residencymatch.account;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Keys that every instance of the service must share (the key that signs anonymous visitors' CSRF
 * tokens): made at random by the first instance to start and kept in the database, so that instances
 * behind a load balancer agree without any configuration.
 */
public final class ServerSecrets {

    private static final String FIND = """
            SELECT secret FROM server_secret WHERE name = :name
            """;
    private static final String CREATE = """
            INSERT INTO server_secret (name, secret, created_at) VALUES (:name, :secret, :now)
            """;

    private final Jdbi jdbi;
    private final Clock clock;

    public ServerSecrets(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The secret of this name, made (256 random bits) if there is none yet. */
    public String get(String name) {
        Optional<String> stored = find(name);
        if (stored.isPresent()) return stored.get();
        try {
            jdbi.useHandle(h -> h.createUpdate(CREATE).bind("name", name).bind("secret", SecretTokens.newToken())
                    .bind("now", LocalDateTime.now(clock)).execute());
        } catch (RuntimeException raced) {
            // Another instance starting at the same moment made it first: use theirs.
            return find(name).orElseThrow(() -> raced);
        }
        return find(name).orElseThrow();
    }

    private Optional<String> find(String name) {
        return jdbi.withHandle(h -> h.createQuery(FIND).bind("name", name).mapTo(String.class).findOne());
    }
}
