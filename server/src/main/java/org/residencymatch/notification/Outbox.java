package org.residencymatch.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.store.BulkInsert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message the service sends (notifications to applicants, emails to people), written to one table
 * in the transaction of the change that causes it and delivered afterwards by a {@link Sender},
 * <b>at least once</b>: a message is claimed for a lease, sent, and only then marked sent. A claimer that
 * dies between sending and marking leaves its claim to expire, and the message is claimed and sent again;
 * while a lease runs nobody else claims the message, so two instances never send it at the same time.
 * Each claim counts an attempt; a failed one waits {@link RetryPolicy#delayAfter} before the next, and a
 * message that has used up its attempts is parked for the operator ({@link #parked}).
 */
public final class Outbox {

    /** Where a message goes: to an applicant's notifications, or to an email address. */
    public enum Channel {
        APPLICANT, EMAIL
    }

    /** Delivers one message (email, notification, ...); throws when it could not. The default only logs. */
    public interface Sender {
        void send(Message message) throws Exception;
    }

    /**
     * A message to deliver. {@code subjectKey} names the message, {@code body} fills it (a notification's
     * details, an email's link, with the email's other arguments in {@code arguments}); {@code applicantId}
     * or {@code recipient} address it, by channel.
     */
    public record Message(long id, Channel channel, String applicantId, String recipient, String kind, String subjectKey, String body,
            String language, int attempt, String arguments) {

        /** The email this message is ({@link EmailTexts#render(Message, String)} writes it); {@link IllegalArgumentException} for a notification. */
        public Email email() {
            if (channel != Channel.EMAIL) throw new IllegalArgumentException("message " + id + " is a notification, not an email");
            EmailKind kind = EmailKind.ofKey(subjectKey)
                    .orElseThrow(() -> new IllegalArgumentException("no email kind has the key " + subjectKey));
            return Email.stored(kind, body, arguments);
        }
    }

    /** An applicant's address (their account's, else the one on file) and the language to write to them in. */
    public record Address(String email, String language) {
    }

    /** A message that used up its attempts, as the operator sees it. */
    public record Parked(long id, Channel channel, String applicantId, String recipient, String kind, String subjectKey, int attempts,
            String lastFailure, LocalDateTime createdAt, LocalDateTime parkedAt) {
    }

    /**
     * Logs ids and kinds, never names, addresses or what a message says (an email's body and link hold
     * personal data and secrets): an email is rendered, so that one that cannot be is a failed attempt, and
     * only its id, kind and language are logged.
     */
    public static final Sender LOG_SENDER = new Sender() {
        private final Logger notifications = LoggerFactory.getLogger("notifications");
        private final Logger emails = LoggerFactory.getLogger("emails");

        @Override
        public void send(Message m) {
            if (m.channel() == Channel.EMAIL) {
                EmailTexts.render(m, "");
                emails.info("email {} ({}, {})", m.id(), m.subjectKey(), m.language());
            } else {
                notifications.info("notification {} ({}) for applicant {}", m.id(), m.kind(), m.applicantId());
            }
        }
    };

    /**
     * Writes each email, rendered, to a file of its own in a folder ({@code <id>.txt}: To, Subject, then the
     * body; links to the service's pages made whole with {@code publicUrl}), and logs notifications as
     * {@link #LOG_SENDER} does: the demo's mailbox, where a developer opens the links, kept out of the log.
     */
    public static Sender mailFolder(java.nio.file.Path folder, String publicUrl) {
        return m -> {
            if (m.channel() != Channel.EMAIL) {
                LOG_SENDER.send(m);
                return;
            }
            EmailTexts.Rendered email = EmailTexts.render(m, publicUrl);
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Files.writeString(folder.resolve(m.id() + ".txt"),
                    "To: " + m.recipient() + "\nSubject: " + email.subject() + "\n\n" + email.body() + "\n");
            LoggerFactory.getLogger("emails").info("email {} ({}, {}) written to the mail folder", m.id(), m.subjectKey(), m.language());
        };
    }

    /**
     * How many attempts a message gets, how long a claim lasts, and how long to wait after a failure:
     * {@code firstDelay} after the first, doubling each time up to {@code maxDelay}.
     */
    public record RetryPolicy(int maxAttempts, Duration lease, Duration firstDelay, Duration maxDelay) {
        public static final RetryPolicy STANDARD = new RetryPolicy(8, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1));

        public RetryPolicy {
            if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        }

        /** The wait after the {@code attempt}-th attempt failed (1-based): first, 2 × first, 4 × first, ... at most max. */
        public Duration delayAfter(int attempt) {
            Duration delay = firstDelay;
            for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) delay = delay.multipliedBy(2);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    private static final String COLUMNS = "id, channel, applicant_id, recipient, kind, subject_key, body, language, attempts, email_arguments";

    private final Jdbi jdbi;
    private final Clock clock;
    private final RetryPolicy policy;

    public Outbox(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, RetryPolicy.STANDARD);
    }

    public Outbox(Jdbi jdbi, Clock clock, RetryPolicy policy) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.policy = policy;
    }

    /** Queues a notification to an applicant, in the caller's transaction. */
    public void enqueue(Handle h, String applicantId, String kind, String subjectKey, String details) {
        LocalDateTime now = LocalDateTime.now(clock);
        h.execute(
                "INSERT INTO outbox_message (channel, applicant_id, kind, subject_key, body, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Channel.APPLICANT.name(), applicantId, kind, subjectKey, details, now, now);
    }

    /**
     * {@link #enqueue} for each of these applicants, in their order, in one bulk insert (a list
     * commit can notify 100,000 applicants).
     */
    public void enqueueAll(Handle h, List<String> applicantIds, String kind, String subjectKey, String details) {
        LocalDateTime now = LocalDateTime.now(clock);
        BulkInsert.insert(h, "outbox_message",
                List.of("channel", "applicant_id", "kind", "subject_key", "body", "created_at", "next_attempt_at"),
                applicantIds, applicantId -> new Object[]{Channel.APPLICANT.name(), applicantId, kind, subjectKey, details, now, now});
    }

    /**
     * Queues an email in {@code language} ("fr", else "en"), in the caller's transaction: its kind's key as the
     * subject key, its link as the body, its other arguments beside. It is rendered when sent ({@link EmailTexts}).
     */
    public static void enqueueEmail(Handle h, String recipient, Email email, String language, LocalDateTime now) {
        h.execute(
                "INSERT INTO outbox_message (channel, recipient, kind, subject_key, body, email_arguments, language, created_at, next_attempt_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Channel.EMAIL.name(), recipient, Channel.EMAIL.name(), email.kind().key, email.link(),
                email.arguments().isEmpty() && email.paragraphs().isEmpty() ? null : email.storedArguments(),
                "fr".equals(language) ? "fr" : "en",
                now, now);
    }

    /**
     * The applicant's address (their account's, else the one on file) and the language their account last chose, else their
     * newest session's (signing out ends the session, not the choice); empty without an address.
     */
    public static java.util.Optional<Address> addressOf(Handle h, String applicantId) {
        return h.createQuery(ADDRESS).bind("a", applicantId)
                .map((rs, ctx) -> new Address(rs.getString("email"), "fr".equals(rs.getString("locale")) ? "fr" : "en")).findFirst();
    }

    /**
     * SQL for the language to write to the account {@code u} (a user_account joined as u) in: the one it last chose,
     * else its newest session's. Signing out ends a session, not the choice.
     */
    public static final String LANGUAGE_OF_ACCOUNT = """
            COALESCE(u.language, (SELECT MAX(w.locale) FROM web_session w WHERE w.user_id = u.id
                AND w.last_seen_at = (SELECT MAX(v.last_seen_at) FROM web_session v WHERE v.user_id = u.id)))""";

    private static final String ADDRESS = """
            SELECT COALESCE(u.email, a.email) AS email, """ + LANGUAGE_OF_ACCOUNT + """
             AS locale
            FROM applicant a
            LEFT JOIN user_account u ON u.applicant_id = a.id
            WHERE a.id = :a AND COALESCE(u.email, a.email) IS NOT NULL""";

    /**
     * Delivers up to {@code limit} due messages, oldest first, and returns how many were sent. Each is
     * claimed first (a conditional update that only one claimer can win while the lease runs), then sent,
     * then marked sent by the claim that sent it. A sender's exception is a failed attempt: the message is
     * retried after the back-off, or parked once it has had its attempts. An {@link Error} is not caught:
     * like a crash, it leaves the claim to expire.
     */
    public int deliverPending(Sender sender, int limit) {
        parkExhausted();
        String claim = UUID.randomUUID().toString();
        LocalDateTime now = LocalDateTime.now(clock);
        List<Long> due = jdbi.withHandle(h -> h.createQuery("""
                SELECT id FROM outbox_message
                WHERE sent_at IS NULL AND parked_at IS NULL AND next_attempt_at <= :now
                  AND (claim_expires_at IS NULL OR claim_expires_at <= :now) AND attempts < :max
                ORDER BY id""")
                .bind("now", now).bind("max", policy.maxAttempts()).setMaxRows(limit).mapTo(Long.class).list());
        int sent = 0;
        for (long id : due) {
            Message message = claim(id, claim);
            if (message == null) continue; // another claimer won it
            try {
                sender.send(message);
            } catch (Exception e) {
                failed(message, claim, e);
                continue;
            }
            markSent(id, claim);
            sent++;
        }
        return sent;
    }

    private Message claim(long id, String claim) {
        LocalDateTime now = LocalDateTime.now(clock);
        int won = jdbi.withHandle(h -> h.createUpdate("""
                UPDATE outbox_message SET claim_token = :claim, claim_expires_at = :until, attempts = attempts + 1
                WHERE id = :id AND sent_at IS NULL AND parked_at IS NULL AND attempts < :max
                  AND (claim_expires_at IS NULL OR claim_expires_at <= :now)""")
                .bind("claim", claim).bind("until", now.plus(policy.lease())).bind("id", id).bind("now", now)
                .bind("max", policy.maxAttempts())
                .execute());
        if (won == 0) return null;
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox_message WHERE id = :id AND claim_token = :claim")
                .bind("id", id).bind("claim", claim)
                .map((rs, ctx) -> new Message(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("applicant_id"),
                        rs.getString("recipient"), rs.getString("kind"), rs.getString("subject_key"), rs.getString("body"),
                        rs.getString("language"),
                        rs.getInt("attempts"), rs.getString("email_arguments")))
                .findOne().orElse(null));
    }

    private void markSent(long id, String claim) {
        // Only by the claim that sent it: if the lease ran out meanwhile and another claimer sent it too,
        // that one marks it (the message went twice: at least once, never lost).
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE outbox_message SET sent_at = :now, claim_token = NULL, claim_expires_at = NULL, last_failure = NULL
                WHERE id = :id AND claim_token = :claim""")
                .bind("now", LocalDateTime.now(clock)).bind("id", id).bind("claim", claim).execute());
    }

    private void failed(Message message, String claim, Exception failure) {
        LocalDateTime now = LocalDateTime.now(clock);
        boolean exhausted = message.attempt() >= policy.maxAttempts();
        // The type only: a sender's message may quote the address or the message.
        String what = failure.getClass().getName();
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE outbox_message SET claim_token = NULL, claim_expires_at = NULL, last_failure = :failure,
                       next_attempt_at = :next, parked_at = :parked
                WHERE id = :id AND claim_token = :claim""")
                .bind("failure", what.length() > 200 ? what.substring(0, 200) : what)
                .bind("next", now.plus(policy.delayAfter(message.attempt())))
                .bind("parked", exhausted ? now : null)
                .bind("id", message.id()).bind("claim", claim).execute());
        LoggerFactory.getLogger(Outbox.class).warn("{} message {} ({}) failed attempt {} of {}: {}{}", message.channel(), message.id(),
                message.kind(), message.attempt(), policy.maxAttempts(), what, exhausted ? "; parked" : "");
    }

    /** Parks messages whose last claimer died on their last attempt (their lease is over, no attempt is left). */
    private void parkExhausted() {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE outbox_message SET parked_at = :now, claim_token = NULL, claim_expires_at = NULL,
                       last_failure = COALESCE(last_failure, 'claim expired (the sender died)')
                WHERE sent_at IS NULL AND parked_at IS NULL AND attempts >= :max AND claim_expires_at <= :now""")
                .bind("now", now).bind("max", policy.maxAttempts()).execute());
    }

    /** Messages not sent yet and not parked. */
    public int pendingCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox_message WHERE sent_at IS NULL AND parked_at IS NULL")
                .mapTo(Integer.class).one());
    }

    /** The parked messages, newest first, at most {@code limit}. */
    public List<Parked> parked(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, channel, applicant_id, recipient, kind, subject_key, attempts, last_failure, created_at, parked_at
                FROM outbox_message WHERE parked_at IS NOT NULL AND sent_at IS NULL ORDER BY parked_at DESC, id DESC""")
                .setMaxRows(limit)
                .map((rs, ctx) -> new Parked(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("applicant_id"),
                        rs.getString("recipient"), rs.getString("kind"), rs.getString("subject_key"), rs.getInt("attempts"),
                        rs.getString("last_failure"), rs.getObject("created_at", LocalDateTime.class),
                        rs.getObject("parked_at", LocalDateTime.class)))
                .list());
    }
}
