package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.account.AccountSweep;
import org.residencymatch.account.LoginThrottle;
import org.residencymatch.account.Registration;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * What an attacker of the running service found (issue #15, points 2 to 4), each shown fixed:
 * anonymous traffic writes nothing, throttling cannot be turned against users, and the edges
 * (HEAD, redirects, body sizes, caching) hold.
 */
@DatabaseTest
class AbuseResistanceTest {

    static final LocalDateTime START = LocalDateTime.of(2024, 10, 15, 12, 0);
    static MutableClock clock;
    static Services services;
    /** As deployed without a load balancer: X-Forwarded-For means nothing. */
    static WebServer direct;
    /** As deployed behind a load balancer on this machine: the client is in X-Forwarded-For. */
    static WebServer balanced;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        clock = new MutableClock(START);
        services = TestDemo.start(clock);
        direct = new WebServer(services, new WebConfig(null, false)).start(0);
        balanced = new WebServer(services, new WebConfig(null, false).withTrustedProxies(TrustedProxies.parse("127.0.0.1, ::1"))).start(0);
    }

    @AfterAll
    static void stop() {
        direct.close();
        balanced.close();
        services.close();
    }

    @BeforeEach
    void freshCounts() {
        clock.set(START);
        services.database().jdbi().useHandle(h -> h.execute("DELETE FROM throttle_counter"));
    }

    // ---------------------------------------------------------------- 2. anonymous traffic writes nothing

    static Map<String, Long> everyTable() {
        Map<String, Long> counts = new LinkedHashMap<>();
        services.database().jdbi().useHandle(h -> {
            List<String> tables = h.createQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA "
                    + "AND UPPER(table_type) IN ('TABLE', 'BASE TABLE') AND LOWER(table_name) <> 'flyway_schema_history' ORDER BY table_name")
                    .mapTo(String.class).list();
            for (String table : tables) counts.put(table, h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
        });
        return counts;
    }

    @Test
    void anonymousPageViewsAndRefusedFormsWriteNoRow() throws Exception {
        Map<String, Long> before = everyTable();
        assertThat(before.keySet()).as("every table of the schema").anyMatch(t -> t.equalsIgnoreCase("web_session"))
                .anyMatch(t -> t.equalsIgnoreCase("throttle_counter")).hasSizeGreaterThan(20);
        int requests = 0;
        for (int i = 0; i < 60; i++) {
            BrowserlessSession visitor = new BrowserlessSession(direct.port());
            for (String page : List.of("/login", "/register", "/password/forgot", "/password/reset?token=made-up",
                    "/help/contact?lang=fr")) {
                assertThat(visitor.get(page).statusCode()).as(page).isEqualTo(200);
                requests++;
            }
            assertThat(visitor.get("/").statusCode()).isEqualTo(302);
            // Forms refused: without the form's token, an invalid registration, an unknown reset link; and the language switch.
            assertThat(visitor.postRaw("/login", Map.of("email", "x@y.example", "password", "whatever")).statusCode()).isEqualTo(403);
            assertThat(visitor.post("/register", Map.of("email", "not-an-email")).statusCode()).isEqualTo(422);
            assertThat(visitor.post("/password/reset", Map.of("token", "made-up", "password", "a long enough password")).statusCode())
                    .isEqualTo(400);
            assertThat(visitor.post("/language", Map.of("lang", "fr", "next", "/login")).statusCode()).isEqualTo(302);
            assertThat(visitor.get("/login").body()).as("the choice is remembered without a session").contains("<html lang=\"fr\"");
            requests += 6;
        }
        assertThat(requests).isGreaterThanOrEqualTo(600);
        assertThat(everyTable()).as("rows after " + requests + " anonymous requests").isEqualTo(before);
    }

    @Test
    void theAnonymousFormTokenIsBoundToItsBrowserAndSharedByInstances() throws Exception {
        BrowserlessSession visitor = new BrowserlessSession(direct.port());
        visitor.get("/login");
        String token = visitor.csrfToken();
        BrowserlessSession other = new BrowserlessSession(direct.port());
        other.get("/register");
        Map<String, String> form = new LinkedHashMap<>(Map.of("_csrf", token, "email", "amira.haddad@applicant.example",
                "password", DemoData.PASSWORD, "next", "/"));
        assertThat(other.postRaw("/login", form).statusCode()).as("another browser's token").isEqualTo(403);
        // The other instance (another port, the same database) accepts this browser's token: the key is shared.
        HttpResponse<String> signedIn = visitor.sameCookiesOn(balanced.port()).postRaw("/login", form);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie")).as("the form nonce is dropped at sign-in")
                .anyMatch(c -> c.startsWith(AnonymousForms.NONCE_COOKIE + "=;") && c.contains("Max-Age=0"));
    }

    @Test
    void expiredSessionsAndThrottleCountsAreSweptWithoutBeingRead() throws Exception {
        BrowserlessSession amira = new BrowserlessSession(direct.port());
        assertThat(amira.signIn("amira.haddad@applicant.example", DemoData.PASSWORD).statusCode()).isEqualTo(302);
        new BrowserlessSession(direct.port()).signIn("nobody@made-up.example", "wrong");
        AccountSweep sweep = new AccountSweep(services.database().jdbi(), clock);
        sweep.run();
        assertThat(count("SELECT COUNT(*) FROM web_session WHERE id_hash = ?",
                org.residencymatch.account.SecretTokens.hash(amira.sessionCookie())))
                .as("a live session stays").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM throttle_counter")).isEqualTo(2);

        clock.set(START.plusHours(13));
        sweep.run();
        assertThat(count("SELECT COUNT(*) FROM web_session WHERE last_seen_at < ?", START.plusHours(1))).isZero();
        assertThat(count("SELECT COUNT(*) FROM throttle_counter")).isZero();
    }

    @Test
    void failedSignInsAreCountedInAFewRowsNotOneEach() throws Exception {
        long before = count("SELECT COUNT(*) FROM throttle_counter");
        for (int i = 0; i < 40; i++) {
            assertThat(new BrowserlessSession(direct.port()).signIn("guess@made-up.example", "guess-" + i).statusCode()).isIn(401, 429);
        }
        assertThat(count("SELECT COUNT(*) FROM throttle_counter") - before).as("one row per (account, address) and one per address")
                .isEqualTo(2);
    }

    // ---------------------------------------------------------------- 3. throttling that cannot be turned against users

    static HttpResponse<String> signInFrom(String address, String email, String password) throws Exception {
        BrowserlessSession browser = new BrowserlessSession(balanced.port());
        browser.get("/login");
        String body = form(Map.of("_csrf", browser.csrfToken(), "email", email, "password", password, "next", "/"));
        String cookies = "";
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + balanced.port() + "/login"))
                .header("Accept", "text/html").header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
        cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        body = form(Map.of("_csrf", csrf, "email", email, "password", password, "next", "/"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + balanced.port() + "/login"))
                .header("Accept", "text/html").header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                // The client wrote the first entry (a lie); the load balancer appended the address it saw.
                .header("X-Forwarded-For", "10.9.9.9, " + address)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @Test
    void behindTheLoadBalancerFailuresFromOneAddressDoNotBlockEveryone() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS; i++) {
            assertThat(signInFrom("203.0.113.7", "made-up-" + i + "@nowhere.example", "guess").statusCode()).isEqualTo(401);
        }
        assertThat(signInFrom("203.0.113.7", "amira.haddad@applicant.example", DemoData.PASSWORD).statusCode())
                .as("the guessing address is slowed down").isEqualTo(429);
        assertThat(signInFrom("198.51.100.2", "amira.haddad@applicant.example", DemoData.PASSWORD).statusCode())
                .as("everyone else signs in").isEqualTo(302);
        assertThat(signInFrom("2001:db8::1", "staff@ubc.example", DemoData.PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    void wrongPasswordsFromElsewhereNeverLockTheOwnerOut() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
            assertThat(signInFrom("203.0.113.20", "olga.petrova@applicant.example", "guess-" + i).statusCode()).isEqualTo(401);
            assertThat(signInFrom("203.0.113.21", "olga.petrova@applicant.example", "guess-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(signInFrom("203.0.113.20", "olga.petrova@applicant.example", DemoData.PASSWORD).statusCode())
                .as("the guesser's address may not try this account for a while").isEqualTo(429);
        assertThat(signInFrom("198.51.100.9", "olga.petrova@applicant.example", DemoData.PASSWORD).statusCode())
                .as("the owner, from their own address").isEqualTo(302);
    }

    @Test
    void withoutTrustedProxiesXForwardedForIsIgnored() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS; i++) {
            http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + direct.port() + "/api/v1/session"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "192.0.2." + i)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"x" + i + "@made-up.example\",\"password\":\"guess\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + direct.port() + "/api/v1/session"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "192.0.2.200")
                .POST(HttpRequest.BodyPublishers
                        .ofString("{\"email\":\"amira.haddad@applicant.example\",\"password\":\"" + DemoData.PASSWORD + "\"}"))
                .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).as("a made-up header does not make another client").isEqualTo(429);
    }

    /** The link of the newest reset email to this address, as the person would click it. */
    static String newestResetToken(String email) {
        String link = services.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT body FROM outbox_message WHERE channel = 'EMAIL' AND recipient = :r AND subject_key = 'email.reset' ORDER BY id DESC")
                .bind("r", email).setMaxRows(1).mapTo(String.class).one());
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    static int resetPassword(String token, String password) throws Exception {
        BrowserlessSession browser = new BrowserlessSession(direct.port());
        browser.get("/password/reset?token=" + token);
        return browser.post("/password/reset", Map.of("token", token, "password", password)).statusCode();
    }

    static int askForReset(String email, String address) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + balanced.port() + "/password/forgot"))
                .header("Accept", "text/html").header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
        String cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + balanced.port() + "/password/forgot"))
                .header("Accept", "text/html").header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("_csrf", csrf, "email", email)))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aPasswordResetLiftsTheThrottleAndSpendsEveryOlderLink() throws Exception {
        String email = "hiroshi.tanaka@applicant.example";
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) signInFrom("198.51.100.50", email, "forgotten-" + i);
        assertThat(signInFrom("198.51.100.50", email, DemoData.PASSWORD).statusCode()).isEqualTo(429);

        assertThat(askForReset(email, "198.51.100.50")).isEqualTo(200);
        String first = newestResetToken(email);
        assertThat(askForReset(email, "198.51.100.50")).isEqualTo(200);
        String second = newestResetToken(email);
        assertThat(second).isNotEqualTo(first);
        assertThat(resetPassword(first, "a brand new password")).as("asking again spent the older link").isEqualTo(400);
        assertThat(askForReset(email, "198.51.100.50")).isEqualTo(200);
        String third = newestResetToken(email);
        assertThat(resetPassword(third, "a brand new password")).isEqualTo(200);
        assertThat(resetPassword(second, "another new password")).isEqualTo(400);

        assertThat(signInFrom("198.51.100.50", email, "a brand new password").statusCode())
                .as("the reset lifted the throttle").isEqualTo(302);
    }

    @Test
    void resetEmailsAreLimitedPerAccountAndPerAddress() throws Exception {
        String email = "yusuf.demir@applicant.example";
        long sentBefore = count(
                "SELECT COUNT(*) FROM outbox_message WHERE channel = 'EMAIL' AND recipient = ? AND subject_key = 'email.reset'", email);
        for (int i = 0; i < Registration.RESET_EMAILS_PER_ACCOUNT + 2; i++) {
            assertThat(askForReset(email, "198.51.100." + (60 + i))).as("the same answer every time").isEqualTo(200);
        }
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE channel = 'EMAIL' AND recipient = ? AND subject_key = 'email.reset'",
                email) - sentBefore)
                .isEqualTo(Registration.RESET_EMAILS_PER_ACCOUNT);
        for (int i = 0; i < Registration.RESET_REQUESTS_PER_ADDRESS; i++) {
            assertThat(askForReset("someone-" + i + "@made-up.example", "203.0.113.99")).isEqualTo(200);
        }
        assertThat(askForReset("one-more@made-up.example", "203.0.113.99")).isEqualTo(429);
        assertThat(askForReset("one-more@made-up.example", "203.0.113.100")).as("another address").isEqualTo(200);
    }

    static long count(String sql, Object... args) {
        return services.database().jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) query.bind(i, args[i]);
            return query.mapTo(Long.class).one();
        });
    }

    // ---------------------------------------------------------------- 4. edges

    @Test
    void headAnswersWhereverGetDoesWithoutABody() throws Exception {
        List<String> wrong = new ArrayList<>();
        BrowserlessSession operator = new BrowserlessSession(direct.port());
        assertThat(operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD).statusCode()).isEqualTo(302);
        int checked = 0;
        for (RouteAccessTest.Route route : RouteAccessTest.routes(direct)) {
            if (!route.method().equals("GET")) continue;
            String path = RouteAccessTest.address(route.path());
            for (String cookie : new String[]{null, Authentication.SESSION_COOKIE + "=" + operator.sessionCookie()}) {
                HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://localhost:" + direct.port() + path)).header("Accept",
                        "text/html");
                HttpRequest.Builder head = HttpRequest.newBuilder(URI.create("http://localhost:" + direct.port() + path))
                        .header("Accept", "text/html")
                        .method("HEAD", HttpRequest.BodyPublishers.noBody());
                if (cookie != null) {
                    get.header("Cookie", cookie);
                    head.header("Cookie", cookie);
                }
                int getStatus = http.send(get.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                HttpResponse<String> headResponse = http.send(head.build(), HttpResponse.BodyHandlers.ofString());
                if (headResponse.statusCode() != getStatus || !headResponse.body().isEmpty()) {
                    wrong.add("HEAD " + path + (cookie == null ? "" : " (operator)") + " -> " + headResponse.statusCode() + " (GET "
                            + getStatus + ")");
                }
                checked++;
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void redirectTargetsAreThisSitesPathsOnly() throws Exception {
        for (String hostile : List.of("/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/ /evil.example", "//evil.example",
                "/\\evil.example", "\\/evil.example", "https://evil.example", "evil.example", "/a//evil.example", "/\u00a0/evil.example",
                "/\u200b/evil.example", "/x\u0000", "")) {
            assertThat(SignInRoutes.safeNext(hostile)).as(hostile.replaceAll("\\p{Cntrl}", "?")).isEqualTo("/");
        }
        assertThat(SignInRoutes.safeNext("/applicant/catalogue?province=QC&q=family+medicine"))
                .isEqualTo("/applicant/catalogue?province=QC&q=family+medicine");

        BrowserlessSession visitor = new BrowserlessSession(direct.port());
        // A control character in any field, a redirect target included, is refused by the text policy: no redirect at all.
        HttpResponse<String> hostileLink = visitor.get("/login?next=/%09/evil.example");
        assertThat(hostileLink.statusCode()).isEqualTo(400);
        assertThat(hostileLink.headers().firstValue("Location")).isEmpty();
        assertThat(visitor.get("/login?next=//evil.example").body()).contains("name=\"next\" value=\"/\"");
        assertThat(visitor.post("/login", Map.of("email", "amira.haddad@applicant.example", "password", DemoData.PASSWORD,
                "next", "/\t/evil.example")).statusCode()).isEqualTo(400);
        HttpResponse<String> signedIn = visitor.post("/login",
                Map.of("email", "amira.haddad@applicant.example", "password", DemoData.PASSWORD,
                        "next", "/\\evil.example"));
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
        visitor.get("/help/contact");
        assertThat(visitor.post("/language", Map.of("lang", "fr", "next", "/%09/evil.example")).headers().firstValue("Location"))
                .hasValue("/%09/evil.example");
        assertThat(visitor.post("/language", Map.of("lang", "en", "next", "//evil.example")).headers().firstValue("Location"))
                .hasValue("/");
        assertThat(visitor.post("/language", Map.of("lang", "en", "next", "/\t/evil.example")).statusCode()).isEqualTo(400);
    }

    static HttpResponse<String> post(WebServer server, String path, String contentType, String accept, HttpRequest.BodyPublisher body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).header("Content-Type", contentType)
                .header("Accept", accept).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A body sent in chunks, without a declared length. */
    static HttpRequest.BodyPublisher chunked(byte[] content) {
        HttpRequest.BodyPublisher bytes = HttpRequest.BodyPublishers.ofByteArray(content);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                bytes.subscribe(subscriber);
            }
        };
    }

    @Test
    void bodiesOverTheirLimitAreRefusedWith413BeforeBeingParsed() throws Exception {
        String bigJson = "{\"email\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"password\":\"p\"}";
        HttpResponse<String> json = post(direct, "/api/v1/session", "application/json", "application/json",
                HttpRequest.BodyPublishers.ofString(bigJson));
        assertThat(json.statusCode()).isEqualTo(413);
        assertThat(json.body()).contains("\"code\":\"TOO_LARGE\"");
        HttpResponse<String> streamed = post(direct, "/api/v1/registrations", "application/json", "application/json",
                chunked(bigJson.getBytes(StandardCharsets.UTF_8)));
        assertThat(streamed.statusCode()).as("without a declared length").isEqualTo(413);
        assertThat(streamed.body()).contains("\"code\":\"TOO_LARGE\"");
        HttpResponse<String> page = post(direct, "/login", "application/x-www-form-urlencoded", "text/html",
                HttpRequest.BodyPublishers.ofString("email=" + "x".repeat(2 * 1024 * 1024)));
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("<html").contains("too large");
        // Just under the limit is read as usual.
        String fits = "{\"email\":\"" + "x".repeat(900 * 1024) + "\",\"password\":\"p\"}";
        assertThat(post(direct, "/api/v1/session", "application/json", "application/json", HttpRequest.BodyPublishers.ofString(fits))
                .statusCode())
                .isEqualTo(401);

        // A list upload may be larger than 1 MiB: this one is read, and refused for what it holds.
        String token = operatorToken();
        HttpResponse<String> largeList = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + direct.port()
                + "/api/v1/cycles/2025-R1/lists/QIMG/uploads?fileName=large.csv"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("not,a,list\n" + "x,y,z\n".repeat(400_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(largeList.statusCode()).as(largeList.body()).isEqualTo(400);
        assertThat(largeList.body()).contains("\"code\":\"LIST_REFUSED\"");

        // A list upload may be as large as a list file (20 MiB, plus the envelope), no larger: the answer
        // comes from the headers alone, before any of the body is sent.
        long tooLarge = services.listUploads().maxBytes() + 2 * 1024 * 1024;
        try (java.net.Socket socket = new java.net.Socket("localhost", direct.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(
                    ("POST /api/v1/cycles/2025-R1/lists/QIMG/uploads?fileName=big.csv HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                            + "Authorization: Bearer " + token + "\r\nContent-Type: text/csv\r\nContent-Length: " + tooLarge
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readNBytes(2000), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"TOO_LARGE\"");
        }
    }

    static String operatorToken() {
        var accounts = new org.residencymatch.account.Accounts(services.database().jdbi(), services.clock());
        return services.database().jdbi().inTransaction(h -> accounts.issueApiToken(h,
                h.createQuery("SELECT id FROM user_account WHERE email = :e").bind("e", DemoData.OPERATOR_EMAIL).mapTo(Long.class).one(),
                "abuse"));
    }

    @Test
    void nothingButStaticAssetsMayBeCached() throws Exception {
        BrowserlessSession operator = new BrowserlessSession(direct.port());
        assertThat(operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD).statusCode()).isEqualTo(302);
        for (String path : List.of("/operator/cases", "/operator/audit.csv", "/login")) {
            assertThat(operator.get(path).headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
        String token = operatorToken();
        for (String path : List.of("/api/v1/cycles/2025-R1/applicants/A-2001",
                "/api/v1/cycles/2025-R1/lists/QIMG/versions/1/members.csv")) {
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + direct.port() + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as(path).isEqualTo(200);
            assertThat(api.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
        HttpResponse<String> asset = new BrowserlessSession(direct.port()).get("/assets/app.css");
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).isNotEqualTo(java.util.Optional.of("no-store"));
    }
}
