package org.residencymatch.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.store.BulkInsert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications to applicants, written to an outbox table in the transaction of the change that
 * causes them, and delivered afterwards by a {@link Sender}. A crash between the two leaves them in
 * the outbox to be delivered later; nothing is lost.
 */
public final class Outbox {

    /** Delivers one notification (email, SMS, ...). The default only logs that it would. */
    public interface Sender {
        void send(Notification notification) throws Exception;
    }

    /** A notification to deliver. {@code subjectKey} names the message; {@code details} fills it (no personal data). */
    public record Notification(long id, String applicantId, String kind, String subjectKey, String details) {}

    /** Logs ids only, never names or addresses. */
    public static final Sender LOG_SENDER = new Sender() {
        private final Logger log = LoggerFactory.getLogger("notifications");

        @Override
        public void send(Notification n) {
            log.info("notification {} ({}) for applicant {}", n.id(), n.kind(), n.applicantId());
        }
    };

    private final Jdbi jdbi;
    private final Clock clock;

    public Outbox(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void enqueue(Handle h, String applicantId, String kind, String subjectKey, String details) {
        h.execute("INSERT INTO notification_outbox (applicant_id, kind, subject_key, details, created_at) VALUES (?, ?, ?, ?, ?)",
                applicantId, kind, subjectKey, details, LocalDateTime.now(clock));
    }

    /**
     * {@link #enqueue} for each of these applicants, in their order, in one bulk insert (a list
     * commit can notify 100,000 applicants).
     */
    public void enqueueAll(Handle h, List<String> applicantIds, String kind, String subjectKey, String details) {
        LocalDateTime now = LocalDateTime.now(clock);
        BulkInsert.insert(h, "notification_outbox", List.of("applicant_id", "kind", "subject_key", "details", "created_at"), applicantIds,
                applicantId -> new Object[] {applicantId, kind, subjectKey, details, now});
    }

    /**
     * Delivers up to {@code limit} pending notifications, oldest first, and returns how many were sent.
     * Each is marked sent only if no other instance marked it first, so two instances never both
     * deliver the same notification twice in a row of polls (delivery is at least once on a crash).
     */
    public int deliverPending(Sender sender, int limit) {
        List<Notification> pending = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, applicant_id, kind, subject_key, details FROM notification_outbox WHERE sent_at IS NULL ORDER BY id")
                .setMaxRows(limit)
                .map((rs, ctx) -> new Notification(rs.getLong("id"), rs.getString("applicant_id"), rs.getString("kind"),
                        rs.getString("subject_key"), rs.getString("details")))
                .list());
        int sent = 0;
        for (Notification n : pending) {
            int claimed = jdbi.withHandle(h -> h.execute("UPDATE notification_outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL",
                    LocalDateTime.now(clock), n.id()));
            if (claimed == 0) continue;
            try {
                sender.send(n);
                sent++;
            } catch (Exception e) {
                // Put it back for the next poll.
                jdbi.useHandle(h -> h.execute("UPDATE notification_outbox SET sent_at = NULL WHERE id = ?", n.id()));
            }
        }
        return sent;
    }

    public int pendingCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM notification_outbox WHERE sent_at IS NULL").mapTo(Integer.class).one());
    }
}
