package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.failure;

import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.api.AccountsApi;
import org.residencymatch.api.client.model.ParkedMessage;
import org.residencymatch.api.client.model.ParkedMessages;
import org.residencymatch.notification.Outbox;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** The operator reads the messages the outbox parked; nobody else may. */
@DatabaseTest
class OutboxApiTest {

    static MutableClock clock;
    static DemoApiServer demo;

    @BeforeAll
    static void start() {
        clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
        demo = DemoApiServer.start(clock);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void aMessageThatFailedEveryAttemptIsListedForTheOperatorWithTheTypeOfItsFailure() throws Exception {
        Outbox outbox = demo.services().outbox();
        // Whatever the demo queued is sent first, so that only the test's message fails.
        outbox.deliverPending(m -> {
        }, 10_000);
        long id = demo.services().database().jdbi().inTransaction(h -> {
            Outbox.enqueueEmail(h, "bounce@example.org", org.residencymatch.notification.Email
                    .of(org.residencymatch.notification.EmailKind.CONFIRM, "https://example.org/confirm?token=t"), "fr",
                    LocalDateTime.now(clock));
            return h.createQuery("SELECT MAX(id) FROM outbox_message").mapTo(Long.class).one();
        });
        for (int attempt = 0; attempt < Outbox.RetryPolicy.STANDARD.maxAttempts() + 2; attempt++) {
            clock.set(LocalDateTime.of(2024, 10, 15, 12, 0).plusHours(2L * attempt));
            outbox.deliverPending(m -> {
                throw new java.io.IOException("mailbox bounce@example.org is full");
            }, 10);
        }

        ParkedMessages parked = new AccountsApi(demo.operator()).listParkedMessages();
        assertThat(parked.getPending()).isZero();
        ParkedMessage message = parked.getParked().stream().filter(p -> p.getId() == id).findFirst().orElseThrow();
        assertThat(message.getChannel()).isEqualTo(ParkedMessage.ChannelEnum.EMAIL);
        assertThat(message.getRecipient()).isEqualTo("bounce@example.org");
        assertThat(message.getAttempts()).isEqualTo(Outbox.RetryPolicy.STANDARD.maxAttempts());
        assertThat(message.getLastFailure()).isEqualTo("java.io.IOException");

        String partner = demo.tokenForAccount("aimg@partner.example");
        failure(403, () -> new AccountsApi(demo.bearer(partner)).listParkedMessages());
        failure(401, () -> new AccountsApi(demo.anonymous()).listParkedMessages());
    }
}
