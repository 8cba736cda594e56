package org.residencymatch.application;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.residencymatch.notification.Email;
import org.residencymatch.notification.EmailKind;
import org.residencymatch.notification.Outbox;

/**
 * Tells a partner that the other changed or submitted their couple's list: a notification and, when
 * the partner has an address, an email in the language they last chose (Outbox.addressOf), in the caller's transaction.
 */
final class PartnerNotices {

    private final Outbox outbox;
    private final Clock clock;

    PartnerNotices(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void tell(Handle h, String partner, PartnerNoticePolicy.Notice notice, RankList saved, String link) {
        String kind = notice.kind().name().toLowerCase(Locale.ROOT);
        outbox.enqueue(h, partner, "COUPLE_LIST_" + notice.kind().name(), "notification.coupleList." + kind,
                String.valueOf(saved.version()));
        LocalDateTime now = LocalDateTime.now(clock);
        EmailKind email = notice.kind() == PartnerNoticePolicy.Kind.SUBMITTED
                ? EmailKind.COUPLE_LIST_SUBMITTED
                : EmailKind.COUPLE_LIST_CHANGED;
        Outbox.addressOf(h, partner).ifPresent(to -> Outbox.enqueueEmail(h, to.email(),
                Email.of(email, link == null ? "/applicant/rank-list" : link, "version", String.valueOf(saved.version())), to.language(),
                now));
    }
}
