package org.residencymatch.demo;

import java.time.Clock;
import java.time.ZoneId;
import org.residencymatch.Services;
import org.residencymatch.store.Database;
import org.residencymatch.store.TestDatabase;

/**
 * The services over a fresh database seeded with the demo ({@link DemoData}: cycle 2025-R1 with its
 * 815 streams, the demo applicants and accounts, the three partner lists), for a test:
 *
 * <pre>{@code
 * services = TestDemo.start(new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0)));
 * // the same as, and much quicker than:
 * services = Services.start(TestDatabase.fresh(), clock);
 * new DemoData(services).seedIfEmpty();
 * }</pre>
 *
 * <p>On H2 the demo is seeded once per test JVM and clock time into a template, and each test gets a
 * copy of it ({@link TestDatabase#fromTemplate}): seeding took about as long as the tests of a whole
 * web test class. A test clock's time at the start is part of the template's key, so the copy holds
 * exactly what seeding at that time writes. On the system clock the template's rows carry the time
 * the template was seeded (minutes earlier at most, within one test run), not the time of the copy.
 * On PostgreSQL every test seeds its own schema.
 */
public final class TestDemo {

    private TestDemo() {
    }

    /** The services on {@code clock} over a fresh database holding the demo as seeded at the clock's current time. */
    public static Services start(Clock clock) {
        if (TestDatabase.onPostgres()) {
            Services services = Services.start(TestDatabase.fresh(), clock);
            new DemoData(services).seedIfEmpty();
            return services;
        }
        Database copy = TestDatabase.fromTemplate(key(clock), template -> {
            try (Services services = Services.start(template, clock)) {
                new DemoData(services).seedIfEmpty();
            }
        });
        return Services.start(copy, clock);
    }

    /** On the system clock (UTC). */
    public static Services start() {
        return start(Clock.systemUTC());
    }

    private static String key(Clock clock) {
        ZoneId zone = clock.getZone();
        boolean system = clock.getClass().getName().equals("java.time.Clock$SystemClock");
        return "demo@" + (system ? "system" : clock.instant().toString()) + "/" + zone.getId();
    }
}
