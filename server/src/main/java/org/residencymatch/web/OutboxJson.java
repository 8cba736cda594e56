package org.residencymatch.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.residencymatch.notification.Outbox;

/** The JSON shapes of {@link OutboxPages}' API, as records named after their schemas in {@code openapi.yaml}. */
final class OutboxJson {

    private OutboxJson() {
    }

    record ParkedMessages(int pending, List<ParkedMessage> parked) {
    }

    /**
     * A message the outbox gave up on. The applicant, the recipient and the last failure are left out when
     * unknown rather than null; the times are written as {@link java.time.LocalDateTime#toString()} writes them.
     */
    record ParkedMessage(long id, String channel, @JsonInclude(JsonInclude.Include.NON_NULL) String applicantId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String recipient, String kind, String subjectKey, int attempts,
            @JsonInclude(JsonInclude.Include.NON_NULL) String lastFailure, String createdAt, String parkedAt) {

        static ParkedMessage of(Outbox.Parked p) {
            return new ParkedMessage(p.id(), p.channel().name(), p.applicantId(), p.recipient(), p.kind(), p.subjectKey(), p.attempts(),
                    p.lastFailure(), p.createdAt().toString(), p.parkedAt().toString());
        }
    }
}
