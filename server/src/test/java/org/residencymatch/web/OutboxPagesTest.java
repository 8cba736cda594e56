package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.notification.Outbox;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** The operator's page of undelivered messages. */
@DatabaseTest
class OutboxPagesTest {

    static final LocalDateTime START = LocalDateTime.of(2024, 10, 15, 12, 0);
    static MutableClock clock;
    static Services services;
    static WebServer server;

    @BeforeAll
    static void start() {
        clock = new MutableClock(START);
        services = TestDemo.start(clock);
        server = new WebServer(services, new WebConfig(null, false)).start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
    }

    @Test
    void theOperatorSeesParkedMessagesWithTheirAttemptsAndFailure() throws Exception {
        BrowserlessSession operator = new BrowserlessSession(server.port());
        assertThat(operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(operator.get("/operator/outbox").body()).contains("id=\"outbox-none\"");

        Outbox outbox = services.outbox();
        outbox.deliverPending(m -> {
        }, 10_000);
        long id = services.database().jdbi().inTransaction(h -> {
            Outbox.enqueueEmail(h, "bounce@example.org", org.residencymatch.notification.Email.of(
                    org.residencymatch.notification.EmailKind.RESET, "https://example.org/reset?token=t"), "en", LocalDateTime.now(clock));
            return h.createQuery("SELECT MAX(id) FROM outbox_message").mapTo(Long.class).one();
        });
        for (int attempt = 0; attempt < Outbox.RetryPolicy.STANDARD.maxAttempts(); attempt++) {
            clock.set(START.plusHours(2L * attempt));
            outbox.deliverPending(m -> {
                throw new java.net.ConnectException("no route to the mail server");
            }, 10);
        }

        // The clock moved on by hours: a new session.
        operator = new BrowserlessSession(server.port());
        assertThat(operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> page = operator.get("/operator/outbox");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"outbox-parked\"").contains("<td>" + id + "</td>").contains("bounce@example.org")
                .contains("email.reset").contains("java.net.ConnectException").doesNotContain("no route to the mail server");

        BrowserlessSession applicant = new BrowserlessSession(server.port());
        assertThat(applicant.signIn("amira.haddad@applicant.example", DemoData.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(applicant.get("/operator/outbox").statusCode()).isEqualTo(403);
    }
}
