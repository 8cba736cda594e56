package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * Every state-changing request a browser could be made to send (a form or script on another site,
 * riding on the session cookie) is refused without the session's CSRF token, or with another
 * session's; and a session id planted before sign-in is worth nothing after it.
 */
@DatabaseTest
class CsrfAndSessionTest {

    // Program selection, the demo's date: most forms are open then.
    @RegisterExtension
    static final TestServer web = TestServer.demo(new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0)));
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** The tables a state-changing request writes to; a refused one must leave them as they were. */
    static final List<String> WRITTEN = List.of("audit_log", "case_comment", "reconciliation_case", "list_upload", "list_version",
            "application", "rank_list", "rank_list_entry", "couple", "match_run", "user_account", "api_token", "applicant",
            "applicant_profile", "cap_invitation", "bccap_registration", "account_token", "outbox_message");

    static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        web.services().database().jdbi().useHandle(h -> {
            for (String table : WRITTEN) counts.put(table, h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
        });
        return counts;
    }

    static HttpResponse<String> send(String method, String path, String sessionId, String csrf) throws Exception {
        boolean api = path.startsWith("/api/");
        String body = api
                ? "{\"body\":\"forged\"}"
                : "resolution=forged&body=forged&lang=fr&next=%2F&email=x%40y.example&password=forged-forged";
        if (csrf != null) body = api ? body : body + "&_csrf=" + csrf;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + path))
                .header("Cookie", Authentication.SESSION_COOKIE + "=" + sessionId)
                .header("Accept", "application/json")
                .header("Content-Type", api ? "application/json" : "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (api && csrf != null) request.header(Authentication.CSRF_HEADER, csrf);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A signed-in browser of the first role the route admits; for open forms an anonymous one (it has no
     * session: its forms are protected by the signed token of AnonymousForms), and for the API's open
     * routes a signed-in one (only a live session's cookie needs a token there).
     */
    static BrowserlessSession browserFor(RouteAccessTest.Route route, Map<Access, BrowserlessSession> signedIn) throws Exception {
        for (Access access : Access.values()) {
            if (!route.roles().contains(access)) continue;
            if (access == Access.ANYONE && route.path().startsWith("/api/")) return signedIn.get(Access.APPLICANT);
            if (access == Access.ANYONE) {
                BrowserlessSession anonymous = new BrowserlessSession(web.port());
                anonymous.get("/login");
                return anonymous;
            }
            return signedIn.get(access);
        }
        throw new IllegalStateException("no role for " + route);
    }

    @Test
    void everyStateChangingRouteRefusesARequestWithoutOrWithAnotherSessionsCsrfToken() throws Exception {
        Map<Access, BrowserlessSession> signedIn = new EnumMap<>(Access.class);
        signedIn.put(Access.APPLICANT, signIn("amira.haddad@applicant.example"));
        signedIn.put(Access.PARTNER, signIn("bci@partner.example"));
        signedIn.put(Access.PROGRAM_STAFF, signIn("staff@ubc.example"));
        signedIn.put(Access.OPERATOR, signIn(DemoData.OPERATOR_EMAIL));
        String attackersToken = csrfOf(signIn("olga.petrova@applicant.example"));
        Map<String, Long> before = counts();
        List<String> accepted = new ArrayList<>();
        int checked = 0;

        for (RouteAccessTest.Route route : RouteAccessTest.routes(web.server())) {
            if (route.method().equals("GET")) continue;
            BrowserlessSession browser = browserFor(route, signedIn);
            String path = RouteAccessTest.address(route.path());
            for (String token : new String[]{null, attackersToken, ""}) {
                HttpResponse<String> response = send(route.method(), path, browser.sessionCookie(), token);
                if (response.statusCode() != 403 || !response.body().contains("\"code\":\"CSRF\"")) {
                    accepted.add(route.method() + " " + route.path() + " with token "
                            + (token == null ? "none" : token.isEmpty() ? "empty" : "of another session")
                            + " -> " + response.statusCode() + " " + response.body());
                }
                checked++;
            }
        }

        assertThat(accepted).as("state-changing routes that did not refuse a forged request").isEmpty();
        assertThat(checked).isGreaterThan(100);
        assertThat(counts()).as("nothing changed").isEqualTo(before);
        // The check is not vacuous: the page's own token is accepted.
        BrowserlessSession amira = signedIn.get(Access.APPLICANT);
        assertThat(send("POST", "/language", amira.sessionCookie(), csrfOf(amira)).statusCode()).isEqualTo(302);
    }

    @Test
    void aSessionIdPlantedBeforeSignInIsWorthNothingAfterIt() throws Exception {
        // A visitor who is not signed in has no session to plant; the attacker plants its own signed-in
        // session's id (and CSRF token) in the victim's browser instead.
        BrowserlessSession attacker = signIn("olga.petrova@applicant.example");
        String planted = attacker.sessionCookie();
        assertThat(planted).isNotNull();

        BrowserlessSession victim = attacker.sameCookiesOn(web.port());
        victim.get("/login");
        HttpResponse<String> login = victim.post("/login",
                Map.of("email", "amira.haddad@applicant.example", "password", DemoData.PASSWORD, "next", "/"));
        assertThat(login.statusCode()).isEqualTo(302);
        String issued = victim.sessionCookie();
        assertThat(issued).isNotNull().isNotEqualTo(planted);
        assertThat(get("/applicant/catalogue", issued).statusCode()).as("the victim is signed in").isEqualTo(200);

        HttpResponse<String> withPlanted = get("/applicant/catalogue", planted);
        assertThat(withPlanted.statusCode()).as("the planted id signs nobody in").isEqualTo(302);
        assertThat(withPlanted.headers().firstValue("Location")).get().asString().startsWith("/login");
        String hashes = web.services().database().jdbi()
                .withHandle(h -> String.join(",", h.createQuery("SELECT id_hash FROM web_session").mapTo(String.class).list()));
        assertThat(hashes).as("the planted session is deleted").doesNotContain(org.residencymatch.account.SecretTokens.hash(planted));

        // A made-up id planted the same way is ignored: sign-in issues a new one.
        BrowserlessSession other = new BrowserlessSession(web.port());
        other.get("/login");
        HttpResponse<String> madeUp = send("POST", "/logout", "made-up-session-id", other.csrfToken());
        assertThat(madeUp.statusCode()).as("a made-up id carries nobody's rights").isEqualTo(302);
        assertThat(madeUp.headers().firstValue("Location")).get().asString().startsWith("/login");

        // Signing out ends the session: the id is worth nothing afterwards either.
        victim.get("/applicant/catalogue");
        assertThat(victim.post("/logout", Map.of()).statusCode()).isEqualTo(302);
        assertThat(get("/applicant/catalogue", issued).statusCode()).isEqualTo(302);
    }

    @Test
    void theLanguageChosenWhileSignedInStaysAfterSigningOut() throws Exception {
        BrowserlessSession mei = new BrowserlessSession(web.port());
        mei.signIn("mei.wong@applicant.example", DemoData.PASSWORD);
        mei.get("/applicant/catalogue");
        assertThat(mei.post("/language", Map.of("lang", "fr", "next", "/applicant/catalogue")).statusCode()).isEqualTo(302);
        mei.get("/applicant/catalogue");
        assertThat(mei.post("/logout", Map.of()).statusCode()).isEqualTo(302);
        assertThat(mei.get("/login").body()).as("the sign-in page after signing out, in the language she chose")
                .contains("<html lang=\"fr\"");
    }

    static HttpResponse<String> get(String path, String sessionId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + path))
                .header("Cookie", Authentication.SESSION_COOKIE + "=" + sessionId).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static BrowserlessSession signIn(String email) throws Exception {
        BrowserlessSession browser = new BrowserlessSession(web.port());
        assertThat(browser.signIn(email, DemoData.PASSWORD).statusCode()).isEqualTo(302);
        browser.get("/help/contact");
        return browser;
    }

    static String csrfOf(BrowserlessSession browser) throws Exception {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(browser.get("/help/contact").body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
