package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.security.RouteRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.account.Accounts;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.store.DatabaseTest;

/**
 * Walks the whole route table with every caller: anonymous, a bogus bearer token, the bearer token
 * and the signed-in browser session of every role, the partner role once per partner body. A route
 * refuses, with 401 (or the sign-in page) and 403, every caller its declared roles do not admit, and a
 * partner body reaches only its own list. What a route then does for the roles it admits is the
 * business of the other tests.
 */
@DatabaseTest
class RouteAccessTest {

    @RegisterExtension
    static final TestServer web = TestServer.demo();
    /** Bearer tokens by role; the partner role has one per partner body (AIMG, UBC-CAP, BCI). */
    static final Map<Access, Map<String, String>> tokens = new EnumMap<>(Access.class);
    /** One signed-in browser per role, for the cookie path of the same checks. */
    static final Map<Access, BrowserlessSession> sessions = new EnumMap<>(Access.class);
    /** The list kind of each partner account. */
    static final Map<String, ListKind> partnerKinds = Map.of(
            "aimg@partner.example", ListKind.AIMG, "bc-cap@partner.example", ListKind.BCIMG, "bci@partner.example", ListKind.QIMG);
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        Map<Access, List<String>> accounts = Map.of(
                Access.APPLICANT, List.of("amira.haddad@applicant.example"),
                Access.PARTNER, List.of("aimg@partner.example", "bc-cap@partner.example", "bci@partner.example"),
                Access.PROGRAM_STAFF, List.of("staff@ubc.example"),
                Access.OPERATOR, List.of(DemoData.OPERATOR_EMAIL),
                Access.HELP_DESK, List.of(DemoData.HELP_DESK_EMAIL));
        for (var entry : accounts.entrySet()) {
            Map<String, String> byAccount = new LinkedHashMap<>();
            for (String email : entry.getValue()) byAccount.put(email, token(email));
            tokens.put(entry.getKey(), byAccount);
            BrowserlessSession browser = new BrowserlessSession(web.port());
            assertThat(browser.signIn(entry.getValue().get(0), DemoData.PASSWORD).statusCode()).isEqualTo(302);
            browser.get("/help/contact");
            sessions.put(entry.getKey(), browser);
        }
    }

    static String token(String email) {
        Accounts accounts = new Accounts(web.services().database().jdbi(), web.services().clock());
        return web.services().database().jdbi().inTransaction(h -> accounts.issueApiToken(h,
                h.createQuery("SELECT id FROM user_account WHERE email = :e").bind("e", email).mapTo(Long.class).one(), "route walk"));
    }

    record Route(String method, String path, Set<RouteRole> roles) {
    }

    static List<Route> routes(WebServer server) {
        List<Route> routes = new ArrayList<>();
        for (var parsed : server.javalin().unsafe.internalRouter.allHttpHandlers()) {
            String method = parsed.endpoint.method.name();
            if (method.startsWith("BEFORE") || method.startsWith("AFTER") || method.equals("HEAD") || method.equals("OPTIONS")) continue;
            var roles = parsed.endpoint.metadata(io.javalin.security.Roles.class);
            routes.add(new Route(method, parsed.endpoint.path, roles == null ? Set.of() : roles.getRoles()));
        }
        return routes;
    }

    /** A concrete address for a route's path, with plausible values for its parameters. */
    static String address(String path) {
        return address(path, "QIMG");
    }

    static String address(String path, String kind) {
        return path.replace("{cycle}", "2025-R1").replace("{applicantId}", "A-2001").replace("{kind}", kind)
                .replace("{iteration}", "1").replace("{streamId}", "27039").replaceAll("\\{[^}]+}", "1");
    }

    static int call(Route route, String path, String token) throws Exception {
        return send(route, path, request -> {
            if (token != null) request.header("Authorization", "Bearer " + token);
        });
    }

    /** With a signed-in browser's cookie and its valid CSRF token: what refuses is the role, not the form check. */
    static int callWithSession(Route route, BrowserlessSession browser) throws Exception {
        String csrf = browser.csrfToken();
        return send(route, address(route.path()),
                request -> request.header("Cookie", Authentication.SESSION_COOKIE + "=" + browser.sessionCookie())
                        .header(Authentication.CSRF_HEADER, csrf));
    }

    static int send(Route route, String path, java.util.function.Consumer<HttpRequest.Builder> credentials) throws Exception {
        boolean bodyless = route.method().equals("GET") || route.method().equals("DELETE");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + path))
                .header("Accept", "application/json")
                .method(route.method(), bodyless ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (!bodyless) request.header("Content-Type", "application/json");
        credentials.accept(request);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void everyRouteRefusesTheCallersItsRolesDoNotAdmit() throws Exception {
        List<Route> routes = routes(web.server());
        assertThat(routes).hasSizeGreaterThan(60);
        List<String> leaks = new ArrayList<>();
        int refusalsChecked = 0;
        for (Route route : routes) {
            if (route.roles().contains(Access.ANYONE)) continue;
            String path = address(route.path());
            int anonymous = call(route, path, null);
            boolean api = route.path().startsWith("/api/");
            if (api ? anonymous != 401 : anonymous != 302) leaks.add(route + " anonymous -> " + anonymous);
            int bogus = call(route, path, "not-a-token");
            if (bogus != 401) leaks.add(route + " bogus bearer token -> " + bogus);
            refusalsChecked += 2;
            for (var role : tokens.entrySet()) {
                if (route.roles().contains(role.getKey())) continue;
                for (var account : role.getValue().entrySet()) {
                    int status = call(route, path, account.getValue());
                    if (status != 403)
                        leaks.add(route.method() + " " + route.path() + " as " + account.getKey() + " (bearer) -> " + status);
                    refusalsChecked++;
                }
                int status = callWithSession(route, sessions.get(role.getKey()));
                if (status != 403) leaks.add(route.method() + " " + route.path() + " as " + role.getKey() + " (session) -> " + status);
                refusalsChecked++;
            }
        }
        assertThat(leaks).as("routes that let in a caller their roles do not admit").isEmpty();
        assertThat(refusalsChecked).isGreaterThan(500);
    }

    /**
     * Program staff are let in by role on the routes of an applicant's facts and documents, to verify
     * their own faculty's students: any other applicant (here A-2001, an IMG who names no faculty) is
     * a 404 that reveals nothing, by token and by session alike.
     */
    @Test
    void programStaffReachNoApplicantButTheirOwnFacultysStudents() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (Route route : routes(web.server())) {
            if (!route.path().contains("{applicantId}") || !route.roles().contains(Access.PROGRAM_STAFF)) continue;
            for (String token : tokens.get(Access.PROGRAM_STAFF).values()) {
                int status = call(route, address(route.path()), token);
                if (status != 404) leaks.add(route.method() + " " + route.path() + " (bearer) -> " + status);
            }
            int status = callWithSession(route, sessions.get(Access.PROGRAM_STAFF));
            if (status != 404) leaks.add(route.method() + " " + route.path() + " (session) -> " + status);
            checked.add(route.method() + " " + route.path());
        }
        assertThat(leaks).as("applicant routes that let program staff reach someone else's student").isEmpty();
        assertThat(checked).as("the routes by which a faculty verifies its students").contains(
                "POST /api/v1/cycles/{cycle}/applicants/{applicantId}/facts/{fact}/decision",
                "GET /api/v1/cycles/{cycle}/applicants/{applicantId}/documents",
                "GET /api/v1/cycles/{cycle}/applicants/{applicantId}/documents/{documentId}/file",
                "POST /api/v1/cycles/{cycle}/applicants/{applicantId}/documents/{documentId}/decision",
                "POST /staff/verification/{applicantId}/facts/{fact}");
    }

    @Test
    void aPartnerBodyReachesNoListButItsOwn() throws Exception {
        List<String> leaks = new ArrayList<>();
        int refusalsChecked = 0;
        for (Route route : routes(web.server())) {
            if (!route.path().contains("{kind}") || !route.roles().contains(Access.PARTNER)) continue;
            for (var partner : tokens.get(Access.PARTNER).entrySet()) {
                for (ListKind kind : ListKind.values()) {
                    if (kind == partnerKinds.get(partner.getKey())) continue;
                    int status = call(route, address(route.path(), kind.name()), partner.getValue());
                    if (status != 403)
                        leaks.add(route.method() + " " + route.path() + " on " + kind + " as " + partner.getKey() + " -> " + status);
                    refusalsChecked++;
                }
            }
        }
        assertThat(leaks).as("list routes that let a partner body reach another body's list").isEmpty();
        assertThat(refusalsChecked).isGreaterThan(60);
    }
}
