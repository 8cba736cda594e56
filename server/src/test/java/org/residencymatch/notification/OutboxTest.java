package org.residencymatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.residencymatch.store.Database;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;
import org.residencymatch.store.TestDatabase;

/** The one outbox: claim, send, then mark sent (at least once), back-off, parking, and exclusive claims. */
@DatabaseTest
class OutboxTest {

    static final LocalDateTime START = LocalDateTime.of(2025, 1, 20, 9, 0);
    static final Outbox.RetryPolicy POLICY = new Outbox.RetryPolicy(3, Duration.ofMinutes(5), Duration.ofSeconds(10),
            Duration.ofMinutes(30));

    /** A crash of the sending process, as far as the outbox can tell: nothing after the send runs. */
    static final class SimulatedCrash extends Error {
    }

    @Test
    void theBackOffDoublesUpToItsMaximum() {
        Outbox.RetryPolicy policy = new Outbox.RetryPolicy(10, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(3));
        assertThat(List.of(1, 2, 3, 4, 5, 9).stream().map(policy::delayAfter).toList()).containsExactly(Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofMinutes(3), Duration.ofMinutes(3), Duration.ofMinutes(3));
    }

    @Test
    void aMessageThatFailsIsRetriedAfterItsBackOffAndSentOnce() {
        Database db = TestDatabase.fresh();
        MutableClock clock = new MutableClock(START);
        Outbox outbox = new Outbox(db.jdbi(), clock, POLICY);
        long id = email(db, clock, "ada@example.org");
        List<Integer> attempts = new ArrayList<>();
        Outbox.Sender failsTwice = m -> {
            attempts.add(m.attempt());
            if (attempts.size() <= 2) throw new java.io.IOException("mail server said no to ada@example.org");
        };

        assertThat(outbox.deliverPending(failsTwice, 10)).isZero();
        assertThat(outbox.deliverPending(failsTwice, 10)).as("not before its back-off").isZero();
        assertThat(attempts).containsExactly(1);
        clock.set(START.plusSeconds(10));
        assertThat(outbox.deliverPending(failsTwice, 10)).isZero();
        clock.set(START.plusSeconds(10 + 19));
        assertThat(outbox.deliverPending(failsTwice, 10)).as("the second back-off is twice the first").isZero();
        assertThat(attempts).containsExactly(1, 2);
        clock.set(START.plusSeconds(10 + 20));
        assertThat(outbox.deliverPending(failsTwice, 10)).isEqualTo(1);
        clock.set(START.plusHours(5));
        assertThat(outbox.deliverPending(failsTwice, 10)).isZero();

        assertThat(attempts).containsExactly(1, 2, 3);
        assertThat(row(db, id)).containsEntry("attempts", 3).containsEntry("parked", false).containsEntry("sent", true);
        assertThat(outbox.pendingCount()).isZero();
        assertThat(outbox.parked(10)).isEmpty();
    }

    @Test
    void aMessageThatKeepsFailingIsParkedForTheOperatorAfterItsAttempts() {
        Database db = TestDatabase.fresh();
        MutableClock clock = new MutableClock(START);
        Outbox outbox = new Outbox(db.jdbi(), clock, POLICY);
        long id = email(db, clock, "grace@example.org");
        AtomicInteger calls = new AtomicInteger();
        Outbox.Sender alwaysFails = m -> {
            calls.incrementAndGet();
            throw new IllegalStateException("refused: grace@example.org");
        };

        for (int hour = 0; hour < 48; hour++) {
            clock.set(START.plusHours(hour));
            outbox.deliverPending(alwaysFails, 10);
        }

        assertThat(calls).as("three attempts, then never again").hasValue(3);
        assertThat(row(db, id)).containsEntry("attempts", 3).containsEntry("parked", true).containsEntry("sent", false);
        assertThat(outbox.pendingCount()).isZero();
        assertThat(outbox.parked(10)).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(id);
            assertThat(p.attempts()).isEqualTo(3);
            // The exception's type, not its message (which quoted the address).
            assertThat(p.lastFailure()).isEqualTo("java.lang.IllegalStateException");
        });
    }

    @Test
    void aClaimerThatDiesBetweenSendingAndMarkingLeavesTheMessageToBeSentAgainAfterItsLease() {
        Database db = TestDatabase.fresh();
        MutableClock clock = new MutableClock(START);
        long id = email(db, clock, "alan@example.org");
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());

        Outbox dying = new Outbox(db.jdbi(), clock, POLICY);
        assertThatThrownBy(() -> dying.deliverPending(m -> {
            delivered.add("first instance: " + m.id());
            throw new SimulatedCrash();
        }, 10)).isInstanceOf(SimulatedCrash.class);

        Outbox survivor = new Outbox(db.jdbi(), clock, POLICY);
        Outbox.Sender works = m -> delivered.add("second instance: " + m.id());
        clock.set(START.plus(POLICY.lease()).minusSeconds(1));
        assertThat(survivor.deliverPending(works, 10)).as("the dead claimer's lease still runs").isZero();
        clock.set(START.plus(POLICY.lease()));
        assertThat(survivor.deliverPending(works, 10)).isEqualTo(1);
        clock.set(START.plusHours(5));
        assertThat(survivor.deliverPending(works, 10)).isZero();

        // Sent twice rather than lost: at least once.
        assertThat(delivered).containsExactly("first instance: " + id, "second instance: " + id);
        assertThat(row(db, id)).containsEntry("sent", true).containsEntry("attempts", 2);
    }

    @Test
    void aClaimerThatDiesOnTheLastAttemptLeavesTheMessageParked() {
        Database db = TestDatabase.fresh();
        MutableClock clock = new MutableClock(START);
        Outbox outbox = new Outbox(db.jdbi(), clock, POLICY);
        long id = email(db, clock, "poison@example.org");
        for (int round = 0; round < POLICY.maxAttempts(); round++) {
            clock.set(START.plusHours(round));
            assertThatThrownBy(() -> outbox.deliverPending(m -> {
                throw new SimulatedCrash();
            }, 10)).isInstanceOf(SimulatedCrash.class);
        }
        clock.set(START.plusHours(10));
        assertThat(outbox.deliverPending(m -> {
            throw new AssertionError("claimed a message with no attempt left");
        }, 10)).isZero();
        assertThat(row(db, id)).containsEntry("parked", true).containsEntry("sent", false);
    }

    @Test
    void concurrentWorkersNeverBothClaimAMessage() throws Exception {
        List<Database> instances = TestDatabase.freshShared(3);
        Clock clock = Clock.systemUTC();
        int messages = 300;
        instances.get(0).jdbi().useTransaction(h -> {
            for (int i = 0; i < messages; i++)
                Outbox.enqueueEmail(h, "person" + i + "@example.org",
                        org.residencymatch.notification.Email.of(org.residencymatch.notification.EmailKind.CONFIRM, "link " + i), "en",
                        LocalDateTime.now(clock));
        });
        Map<Long, AtomicInteger> sends = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int w = 0; w < 6; w++) {
                Outbox outbox = new Outbox(instances.get(w % instances.size()).jdbi(), clock, Outbox.RetryPolicy.STANDARD);
                results.add(workers.submit(() -> {
                    go.await();
                    int sent = 0;
                    for (int round = 0; round < 1000 && outbox.pendingCount() > 0; round++) {
                        // Small batches, so the workers keep meeting on the same messages.
                        sent += outbox.deliverPending(m -> sends.computeIfAbsent(m.id(), k -> new AtomicInteger()).incrementAndGet(), 7);
                    }
                    return sent;
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> result : results) total += result.get();
            assertThat(total).isEqualTo(messages);
        } finally {
            workers.shutdownNow();
        }
        assertThat(sends).hasSize(messages);
        assertThat(sends.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(new Outbox(instances.get(0).jdbi(), clock).pendingCount()).isZero();
    }

    private static long email(Database db, Clock clock, String recipient) {
        return db.jdbi().inTransaction(h -> {
            Outbox.enqueueEmail(h, recipient, org.residencymatch.notification.Email.of(org.residencymatch.notification.EmailKind.CONFIRM,
                    "https://example.org/confirm?token=t"), "en", LocalDateTime.now(clock));
            return h.createQuery("SELECT MAX(id) FROM outbox_message").mapTo(Long.class).one();
        });
    }

    private static Map<String, Object> row(Database db, long id) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT attempts, sent_at, parked_at FROM outbox_message WHERE id = :id").bind("id", id)
                        .map((rs, ctx) -> Map.<String, Object>of("attempts", rs.getInt("attempts"), "sent", rs.getObject("sent_at") != null,
                                "parked", rs.getObject("parked_at") != null))
                        .one());
    }
}
