package org.residencymatch.application;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.residencymatch.notification.Outbox;

/**
 * Tells a partner that the other changed or submitted their couple's list: a notification and, when
 * the partner has an address, an email in their newest session's language, in the caller's transaction.
 */
final class PartnerNotices {

    /** The partner's address (their account's, else the one on file) and their newest session's language. */
    private static final String RECIPIENT = """
            SELECT COALESCE(u.email, a.email) AS email,
                   (SELECT MAX(w.locale) FROM web_session w WHERE w.user_id = u.id
                    AND w.last_seen_at = (SELECT MAX(v.last_seen_at) FROM web_session v WHERE v.user_id = u.id)) AS locale
            FROM applicant a
            LEFT JOIN user_account u ON u.applicant_id = a.id
            WHERE a.id = :a AND COALESCE(u.email, a.email) IS NOT NULL""";

    private final Outbox outbox;
    private final Clock clock;

    PartnerNotices(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void tell(Handle h, String partner, PartnerNoticePolicy.Notice notice, RankList saved, String link) {
        String kind = notice.kind().name().toLowerCase(Locale.ROOT);
        outbox.enqueue(h, partner, "COUPLE_LIST_" + notice.kind().name(), "notification.coupleList." + kind, String.valueOf(saved.version()));
        LocalDateTime now = LocalDateTime.now(clock);
        h.createQuery(RECIPIENT).bind("a", partner).map((rs, ctx) -> new String[] {rs.getString("email"), rs.getString("locale")}).findFirst()
                .ifPresent(r -> Outbox.enqueueEmail(h, r[0], "email.coupleList." + kind, link == null ? "/applicant/rank-list" : link,
                        "fr".equals(r[1]) ? "fr" : "en", now));
    }
}
