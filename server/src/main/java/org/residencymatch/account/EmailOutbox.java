package org.residencymatch.account;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers the emails that {@link Registration} queued (confirmation, password reset) through a {@link Mailer}. */
public final class EmailOutbox {

    /** Sends one email. A deployment plugs in its mail service; the default logs the link for development. */
    public interface Mailer {
        void send(Email email) throws Exception;
    }

    /** An email to send: the message is {@code subjectKey} in the recipient's language, with its link. */
    public record Email(long id, String recipient, String subjectKey, String link, String language) {}

    /** Logs the email's id, kind and link (never the address), so a developer can follow the link. */
    public static final Mailer LOG_MAILER = new Mailer() {
        private final Logger log = LoggerFactory.getLogger("emails");

        @Override
        public void send(Email email) {
            log.info("email {} ({}, {}): {}", email.id(), email.subjectKey(), email.language(), email.link());
        }
    };

    private final Jdbi jdbi;
    private final Clock clock;

    public EmailOutbox(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Sends up to {@code limit} pending emails; each is claimed before sending so two instances never both send it. */
    public int deliverPending(Mailer mailer, int limit) {
        List<Email> pending = jdbi.withHandle(h -> h.createQuery("SELECT id, recipient, subject_key, link, language FROM email_outbox WHERE sent_at IS NULL ORDER BY id")
                .setMaxRows(limit)
                .map((rs, ctx) -> new Email(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list());
        int sent = 0;
        for (Email email : pending) {
            int claimed = jdbi.withHandle(h -> h.execute("UPDATE email_outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL", LocalDateTime.now(clock), email.id()));
            if (claimed == 0) continue;
            try {
                mailer.send(email);
                sent++;
            } catch (Exception e) {
                jdbi.useHandle(h -> h.execute("UPDATE email_outbox SET sent_at = NULL WHERE id = ?", email.id()));
            }
        }
        return sent;
    }
}
