package org.residencymatch.web;

import java.time.Clock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.residencymatch.Services;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.store.TestDatabase;

/**
 * The real web server on a free port over a fresh database, for one test class: the one way the
 * tests start a server. Register it as a static field, and the class gets its own database and
 * server before its {@code @BeforeAll} methods run, closed after the class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestServer web = TestServer.demo();             // seeded with the demo, system clock
 * static final MutableClock clock = new MutableClock(...);
 * @RegisterExtension
 * static final TestServer web = TestServer.demo(clock);        // a clock the test moves along the calendar
 * }</pre>
 *
 * <p>"The demo" is {@link DemoData}: cycle 2025-R1 with its 815 streams, the demo applicants and
 * accounts, the three partner lists, copied from a template seeded once per test JVM and clock time
 * ({@link TestDemo}). Outside JUnit's lifecycle (the API and browser fixtures),
 * {@link #start()} and {@link #close()} do the same by hand.
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final Clock clock;
    private final boolean seeded;
    private final String bootstrapToken;
    private Services services;
    private WebServer server;

    private TestServer(Clock clock, boolean seeded, String bootstrapToken) {
        this.clock = clock;
        this.seeded = seeded;
        this.bootstrapToken = bootstrapToken;
    }

    /** Seeded with the demo, on the system clock. */
    public static TestServer demo() {
        return demo(Clock.systemUTC());
    }

    /** Seeded with the demo, on the test's clock (phases are enforced with its time). */
    public static TestServer demo(Clock clock) {
        return new TestServer(clock, true, null);
    }

    /** An empty database: migrated, nothing seeded. */
    public static TestServer empty() {
        return new TestServer(Clock.systemUTC(), false, null);
    }

    /** The same server, which also accepts this bearer token as the operator's ({@code RESIDENCY_BOOTSTRAP_TOKEN}). */
    public TestServer withBootstrapToken(String token) {
        return new TestServer(clock, seeded, token);
    }

    /** Starts the database and the server; {@link #close()} stops them. */
    public TestServer start() {
        services = seeded ? TestDemo.start(clock) : Services.start(TestDatabase.fresh(), clock);
        server = new WebServer(services, new WebConfig(bootstrapToken, false)).start(0);
        return this;
    }

    @Override
    public void close() {
        try {
            if (server != null) server.close();
        } finally {
            if (services != null) services.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public Services services() {
        return services;
    }

    /** The server itself, for a test that inspects its routes. */
    public WebServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** A new session without cookies yet, like a browser with JavaScript off. */
    BrowserlessSession session() {
        return new BrowserlessSession(port());
    }
}
