package org.residencymatch.account;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Browser sessions, kept in the database so that every service instance sees the same ones. The
 * cookie carries a random id; the table holds only its hash. A session expires after
 * {@link #IDLE_TIMEOUT} without use and in any case {@link #ABSOLUTE_TIMEOUT} after it began.
 */
public final class Sessions {

    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);

    /** A live session: its user (none before login), its CSRF token and the chosen language. */
    public record Session(String idHash, Optional<Principal> user, String csrfToken, String locale) {
    }

    private final Jdbi jdbi;
    private final Accounts accounts;
    private final Clock clock;

    public Sessions(Jdbi jdbi, Accounts accounts, Clock clock) {
        this.jdbi = jdbi;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Starts a session and returns the id to put in the cookie. */
    public String start(Long userId, String locale) {
        String id = SecretTokens.newToken();
        LocalDateTime now = LocalDateTime.now(clock);
        jdbi.useHandle(h -> h.execute("INSERT INTO web_session (id_hash, user_id, csrf_token, locale, created_at, last_seen_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", SecretTokens.hash(id), userId, SecretTokens.newToken(), locale, now, now));
        return id;
    }

    /** The live session with this cookie id, touched as used now; expired sessions are deleted. */
    public Optional<Session> find(String id) {
        if (id == null || id.isBlank()) return Optional.empty();
        String hash = SecretTokens.hash(id);
        LocalDateTime now = LocalDateTime.now(clock);
        return jdbi.inTransaction(h -> {
            record Row(Long userId, String csrf, String locale, LocalDateTime created, LocalDateTime lastSeen) {
            }
            Optional<Row> row = h
                    .createQuery("SELECT user_id, csrf_token, locale, created_at, last_seen_at FROM web_session WHERE id_hash = :hash")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new Row((Long) rs.getObject("user_id", Long.class), rs.getString("csrf_token"),
                            rs.getString("locale"),
                            rs.getObject("created_at", LocalDateTime.class), rs.getObject("last_seen_at", LocalDateTime.class)))
                    .findOne();
            if (row.isEmpty()) return Optional.<Session>empty();
            Row r = row.get();
            if (r.lastSeen().plus(IDLE_TIMEOUT).isBefore(now) || r.created().plus(ABSOLUTE_TIMEOUT).isBefore(now)) {
                h.execute("DELETE FROM web_session WHERE id_hash = ?", hash);
                return Optional.<Session>empty();
            }
            // Touch at most once a minute: a page load is not worth a write per request.
            if (r.lastSeen().plusMinutes(1).isBefore(now)) {
                h.execute("UPDATE web_session SET last_seen_at = ? WHERE id_hash = ?", now, hash);
            }
            Optional<Principal> user = r.userId() == null ? Optional.empty() : accounts.find(h, r.userId());
            return Optional.of(new Session(hash, user, r.csrf(), r.locale()));
        });
    }

    /**
     * Signs a user in: the old session (if any) is deleted and a new id issued, so that an id planted
     * before login (session fixation) is worth nothing after it.
     */
    public String rotateForLogin(String oldId, long userId, String locale) {
        end(oldId);
        return start(userId, locale);
    }

    public void end(String id) {
        if (id == null || id.isBlank()) return;
        jdbi.useHandle(h -> h.execute("DELETE FROM web_session WHERE id_hash = ?", SecretTokens.hash(id)));
    }

    /**
     * Deletes every session that has expired (idle or absolute), read or not since; run on a schedule
     * so that sessions nobody comes back to do not stay in the table. Returns how many.
     */
    public int sweepExpired() {
        LocalDateTime now = LocalDateTime.now(clock);
        return jdbi.withHandle(h -> h.execute("DELETE FROM web_session WHERE last_seen_at < ? OR created_at < ?",
                now.minus(IDLE_TIMEOUT), now.minus(ABSOLUTE_TIMEOUT)));
    }

    /** The session's language, and its account's: the choice outlives the session, for emails written to someone signed out. */
    public void setLocale(String idHash, String locale) {
        jdbi.useTransaction(h -> {
            h.execute("UPDATE web_session SET locale = ? WHERE id_hash = ?", locale, idHash);
            h.execute("UPDATE user_account SET language = ? WHERE id = (SELECT user_id FROM web_session WHERE id_hash = ?)", locale,
                    idHash);
        });
    }
}
