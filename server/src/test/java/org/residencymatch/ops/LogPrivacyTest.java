package org.residencymatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;
import org.residencymatch.web.WebConfig;
import org.residencymatch.web.WebServer;
import org.slf4j.LoggerFactory;

/**
 * Database errors with personal data in their statements, provoked through the running service (page and
 * API): the log says that they happened (type, SQL state, request id) but holds none of the values, no
 * session id and no CSRF token. The database is made to refuse with constraints the test adds, so the
 * errors are the database's own whatever the service checks first.
 */
@DatabaseTest
class LogPrivacyTest {

    static MutableClock clock;
    static Services services;
    static WebServer server;

    @BeforeAll
    static void start() {
        clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
        services = TestDemo.start(clock);
        server = new WebServer(services, new WebConfig(null, false)).start(0);
        services.database().jdbi().useHandle(h -> {
            // A check the service does not know about: the database refuses a row, and PostgreSQL's detail
            // quotes the whole row ("Failing row contains (...)"), H2's message the values and the statement.
            h.execute("ALTER TABLE applicant ADD CONSTRAINT log_test_no_zelda CHECK (given_names <> 'Zelda')");
            // A unique key the service does not know about: PostgreSQL's detail quotes the key's value.
            h.execute("ALTER TABLE applicant ADD CONSTRAINT log_test_one_per_birthday UNIQUE (date_of_birth)");
        });
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
    }

    @Test
    void anEmailIsLoggedByItsIdAndKindNeverByItsLinkAddressOrBody() throws Exception {
        services.database().jdbi().useTransaction(h -> org.residencymatch.notification.Outbox.enqueueEmail(h, "zelda.log@example.org",
                org.residencymatch.notification.Email.of(org.residencymatch.notification.EmailKind.RESET,
                        "https://example.org/password/reset?token=SECRET-RESET-TOKEN"),
                "fr", LocalDateTime.now(clock)));
        List<String> lines = captureLogs(() -> services.outbox().deliverPending(org.residencymatch.notification.Outbox.LOG_SENDER, 10_000))
                .stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).as("the email was delivered and logged").anyMatch(line -> line.contains("email.reset"));
        assertThat(lines)
                .noneMatch(line -> line.contains("SECRET-RESET-TOKEN") || line.contains("zelda.log") || line.contains("password/reset")
                        || line.contains("Réinitialisez"));
    }

    @Test
    void databaseErrorsAreLoggedWithoutTheStatementsValuesOrSecrets() throws Exception {
        List<String> secrets = new ArrayList<>();
        List<ILoggingEvent> events = captureLogs(() -> {
            // 1. The API: a row the database's check refuses (500).
            String email1 = "zelda.quasimodo-" + System.nanoTime() + "@example.org";
            secrets.addAll(List.of(email1, "Zelda", "Quasimodo", "1993-04-17"));
            assertThat(registerByApi(email1, "Zelda", "Quasimodo", "1993-04-17").statusCode()).isEqualTo(500);
            // 2. The API: a unique key the second registration violates (500), PostgreSQL's "Key (...)=(...)".
            String email2 = "ulysses.vantongeren-" + System.nanoTime() + "@example.org";
            String email3 = "penelope.vantongeren-" + System.nanoTime() + "@example.org";
            secrets.addAll(List.of(email2, email3, "Ulysses", "Penelope", "Vantongeren", "1988-11-23"));
            assertThat(registerByApi(email2, "Ulysses", "Vantongeren", "1988-11-23").statusCode()).isEqualTo(202);
            assertThat(registerByApi(email3, "Penelope", "Vantongeren", "1988-11-23").statusCode()).isEqualTo(500);
            // 3. The page, signed in to a session with its CSRF token: the same refusal.
            String email4 = "zelda.brightwater-" + System.nanoTime() + "@example.org";
            secrets.addAll(List.of(email4, "Brightwater", "1979-02-28"));
            secrets.addAll(registerByPage(email4, "Zelda", "Brightwater", "1979-02-28"));
            // 4. A value longer than its column (the email), on both databases a database error unless refused first.
            String local = "x".repeat(320);
            secrets.addAll(List.of(local, "Longfellow", "1966-06-06"));
            int tooLong = registerByApi(local + "@example.org", "Henry", "Longfellow", "1966-06-06").statusCode();
            assertThat(tooLong).isIn(400, 500);
            // 5. A NUL in a name: PostgreSQL refuses it (22021) unless the service refuses it first (H2 would store it).
            secrets.add("Nul\u0000name");
            registerByApi("nul-" + System.nanoTime() + "@example.org", "Nul\u0000name", "Nulson", "1970-01-02");
        });

        List<String> lines = render(events);
        for (String secret : secrets) {
            assertThat(lines).as("no log line holds %s", secret).noneSatisfy(line -> assertThat(line).contains(secret));
        }
        // Nothing that quotes a statement's values, whatever they were.
        assertThat(lines).noneSatisfy(line -> assertThat(line).containsAnyOf("arguments:", "Failing row", "Key (", "Detail:", "VALUES ("));
        // The errors were logged (the test is not vacuous): with their SQL state and request id.
        assertThat(events).filteredOn(e -> e.getLevel() == Level.ERROR).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("SQL state 23").contains("request "));
    }

    private static HttpResponse<String> registerByApi(String email, String given, String family, String born) throws Exception {
        String body = "{\"email\":" + json(email) + ",\"password\":\"a long password\",\"givenNames\":" + json(given)
                + ",\"familyName\":" + json(family) + ",\"dateOfBirth\":" + json(born) + "}";
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/v1/registrations"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** Registers through the page's form; returns the session id and CSRF token it used, which the log must not hold either. */
    private static List<String> registerByPage(String email, String given, String family, String born) throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        URI register = URI.create("http://localhost:" + server.port() + "/register");
        String page = browser
                .send(HttpRequest.newBuilder(register).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        Map<String, String> fields = Map.of("_csrf", csrf.group(1), "email", email, "password", "a long password", "givenNames", given,
                "familyName", family, "dateOfBirth", born);
        String form = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(register).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(500);
        List<String> secrets = new ArrayList<>(List.of(csrf.group(1)));
        cookies.getCookieStore().getCookies().stream().map(HttpCookie::getValue).forEach(secrets::add);
        return secrets;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + "\"";
    }

    interface Action {
        void run() throws Exception;
    }

    /** Every event logged while the action runs, at INFO as in production (logback.xml). */
    static List<ILoggingEvent> captureLogs(Action action) throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.INFO);
        try {
            action.run();
        } finally {
            root.detachAppender(captured);
            root.setLevel(level);
        }
        return captured.list;
    }

    /** Each event as the text and the JSON format write it, stack traces and causes included. */
    static List<String> render(List<ILoggingEvent> events) {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        JsonEncoder json = new JsonEncoder();
        json.setContext(logging);
        json.start();
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : events) {
            lines.add(new String(json.encode(event), StandardCharsets.UTF_8));
            lines.add(event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
        return lines;
    }
}
