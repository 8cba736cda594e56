package org.residencymatch.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.ConflictException;
import org.residencymatch.account.Accounts;
import org.residencymatch.applicant.Identity;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;
import org.residencymatch.web.TestServer;
import org.slf4j.LoggerFactory;

/** Metrics at /metrics (operator-only, by route template) and request log lines without personal data. */
@DatabaseTest
class OperationsTest {

    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static String token(String email) {
        Accounts accounts = new Accounts(web.services().database().jdbi(), web.services().clock());
        return web.services().database().jdbi().inTransaction(h -> accounts.issueApiToken(h,
                h.createQuery("SELECT id FROM user_account WHERE email = :e").bind("e", email).mapTo(Long.class).one(), "operations test"));
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + path));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String scrape() throws Exception {
        HttpResponse<String> metrics = get("/metrics", token(DemoData.OPERATOR_EMAIL));
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body();
    }

    /** The value of the one sample named {@code name} whose labels contain all of {@code labels}, or 0 when there is none yet. */
    static double sample(String scrape, String name, String... labels) {
        double found = 0;
        int matches = 0;
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{")) continue;
            String labelPart = line.substring(name.length(), line.lastIndexOf('}') + 1);
            boolean all = true;
            for (String label : labels) all &= labelPart.contains(label);
            if (!all) continue;
            found = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            matches++;
        }
        assertThat(matches).as(name + " " + List.of(labels)).isLessThanOrEqualTo(1);
        return found;
    }

    @Test
    void metricsAreForTheOperatorOnly() throws Exception {
        HttpResponse<String> anonymous = get("/metrics", null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/login?next=%2Fmetrics");
        for (String email : List.of("amira.haddad@applicant.example", "bci@partner.example", "aimg@partner.example", "staff@ubc.example")) {
            HttpResponse<String> refused = get("/metrics", token(email));
            assertThat(refused.statusCode()).as(email).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("http_server_requests");
        }
        HttpResponse<String> operator = get("/metrics", token(DemoData.OPERATOR_EMAIL));
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(operator.body()).contains("# TYPE http_server_requests_seconds histogram").contains("jvm_memory_used_bytes");
    }

    @Test
    void aRequestIsCountedUnderItsRouteTemplateAndStatusNeverItsPath() throws Exception {
        String route = "route=\"/api/v1/cycles/{cycle}/applicants/{applicantId}/catalogue\"";
        String operator = token(DemoData.OPERATOR_EMAIL);
        double before = sample(scrape(), "http_server_requests_seconds_count", route, "status=\"200\"");

        assertThat(get("/api/v1/cycles/2025-R1/applicants/A-2017/catalogue?q=Calgary&pageSize=1", operator).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/cycles/2025-R1/applicants/A-2017/catalogue?province=NOWHERE", operator).statusCode()).isEqualTo(400);
        assertThat(get("/no/such/page/A-2017", operator).statusCode()).isEqualTo(404);

        String after = scrape();
        assertThat(sample(after, "http_server_requests_seconds_count", route, "status=\"200\"", "method=\"GET\"")).isEqualTo(before + 1);
        assertThat(sample(after, "http_server_requests_seconds_count", route, "status=\"400\"")).isGreaterThanOrEqualTo(1);
        assertThat(sample(after, "http_server_requests_seconds_bucket", route, "status=\"200\"", "le=\"10.0\""))
                .isGreaterThanOrEqualTo(before + 1);
        assertThat(sample(after, "http_server_requests_seconds_count", "route=\"unmatched\"", "status=\"404\"")).isGreaterThanOrEqualTo(1);
        assertThat(after).as("no series names an applicant, a query or a raw path").doesNotContain("A-2017").doesNotContain("Calgary");
    }

    @Test
    void listCommitsAndMatchRunsAreCountedAndTimedWithTheirOutcome() throws Exception {
        double committed = sample(scrape(), "residency_list_commits_seconds_count", "outcome=\"committed\"");
        double refused = sample(scrape(), "residency_list_commits_seconds_count", "outcome=\"refused\"");
        Identity fatima = web.services().profiles().identity("A-2005").orElseThrow();
        byte[] file = ("MINC;Nom de famille;Prénom(s);Date de naissance;Contingent\n" + fatima.minc() + ";" + fatima.familyName() + ";"
                + fatima.givenNames() + ";" + fatima.dateOfBirth() + ";Régulier\n").getBytes(StandardCharsets.UTF_8);
        long upload = web.services().listUploads().upload(DemoData.CYCLE, ListKind.QIMG, "qimg.csv", file, "user:bci").preview().uploadId();

        web.services().listVersions().commit(DemoData.CYCLE, upload, "user:bci");
        assertThatThrownBy(() -> web.services().listVersions().commit(DemoData.CYCLE, upload, "user:bci"))
                .isInstanceOf(ConflictException.class);

        String afterCommits = scrape();
        assertThat(sample(afterCommits, "residency_list_commits_seconds_count", "outcome=\"committed\"")).isEqualTo(committed + 1);
        assertThat(sample(afterCommits, "residency_list_commits_seconds_count", "outcome=\"refused\"")).isEqualTo(refused + 1);
        assertThat(sample(afterCommits, "residency_list_commits_seconds_sum", "outcome=\"committed\"")).isPositive();

        double runs = sample(afterCommits, "residency_match_runs_seconds_count", "outcome=\"stable\"");
        clock.set(LocalDateTime.of(2025, 2, 20, 12, 0));
        try {
            web.services().matchRuns().run(DemoData.CYCLE, 1, 3L, "operator");
        } finally {
            clock.set(LocalDateTime.of(2024, 10, 15, 12, 0));
        }
        assertThat(sample(scrape(), "residency_match_runs_seconds_count", "outcome=\"stable\"")).isEqualTo(runs + 1);
    }

    @Test
    void aRequestKeepsTheLoadBalancersSaneRequestIdOrGetsOneOfItsOwn() throws Exception {
        HttpResponse<Void> kept = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + "/health"))
                .header(RequestObserver.REQUEST_ID_HEADER, "lb-7f3a.2").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(kept.headers().firstValue(RequestObserver.REQUEST_ID_HEADER)).hasValue("lb-7f3a.2");
        // An id that could carry text into the log (an email, spaces, a forged log line) is replaced.
        HttpResponse<Void> replaced = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + "/health"))
                .header(RequestObserver.REQUEST_ID_HEADER, "amira.haddad@applicant.example status=500").build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(replaced.headers().firstValue(RequestObserver.REQUEST_ID_HEADER)).get().asString().matches("[0-9a-f]{16}");
    }

    @Test
    void theConnectionPoolReportsItsGauges() throws Exception {
        String metrics = scrape();
        assertThat(sample(metrics, "hikaricp_connections_max", "pool=\"residency-match\"")).isEqualTo(10);
        assertThat(metrics).contains("hikaricp_connections_active{").contains("hikaricp_connections_pending{");
    }

    @Test
    void aSignInWritesARequestLineWithoutTheEmailOrThePassword() throws Exception {
        String email = "amira.haddad@applicant.example";
        String password = "not-her-password-" + System.nanoTime();
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.INFO); // as in production (logback.xml); tests otherwise log warnings only
        try {
            signIn(email, password);
            signIn(email, DemoData.PASSWORD);
        } finally {
            root.detachAppender(captured);
            root.setLevel(level);
        }

        JsonEncoder json = new JsonEncoder();
        json.setContext(logging);
        json.start();
        List<String> lines = captured.list.stream().map(e -> new String(json.encode(e), StandardCharsets.UTF_8)).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"loggerName\":\"requests\"").contains("{\"method\":\"POST\"}")
                .contains("{\"route\":\"\\/login\"}").contains("{\"status\":\"401\"}").contains("\"requestId\""));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("{\"route\":\"\\/login\"}").contains("{\"status\":\"302\"}"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).containsAnyOf(email, "amira.haddad", "Amira", "Haddad", password));
    }

    /** The sign-in form as a browser posts it: the login page first, for the session cookie and its CSRF token. */
    private static void signIn(String email, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        URI login = URI.create("http://localhost:" + web.port() + "/login");
        String page = browser.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "_csrf=" + csrf.group(1) + "&next=%2F&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(browser.cookieHandler().orElseThrow())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        noRedirects.send(HttpRequest.newBuilder(login).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }
}
