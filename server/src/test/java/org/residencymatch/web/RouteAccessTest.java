package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.security.RouteRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.account.Accounts;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.TestDatabase;

/**
 * Walks the whole route table with every role: a route refuses, with 401 (or the sign-in page) and
 * 403, every caller its declared roles do not admit. What a route then does for the roles it admits
 * is the business of the other tests.
 */
@DatabaseTest
class RouteAccessTest {

    static Services services;
    static WebServer server;
    static final Map<Access, String> tokens = new EnumMap<>(Access.class);
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        services = Services.start(TestDatabase.fresh());
        new DemoData(services).seedIfEmpty();
        server = new WebServer(services, new WebConfig(null, false)).start(0);
        tokens.put(Access.APPLICANT, token("amira.haddad@applicant.example"));
        tokens.put(Access.PARTNER, token("bci@partner.example"));
        tokens.put(Access.PROGRAM_STAFF, token("staff@ubc.example"));
        tokens.put(Access.OPERATOR, token(DemoData.OPERATOR_EMAIL));
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
    }

    static String token(String email) {
        Accounts accounts = new Accounts(services.database().jdbi(), services.clock());
        return services.database().jdbi().inTransaction(h -> accounts.issueApiToken(h,
                h.createQuery("SELECT id FROM user_account WHERE email = :e").bind("e", email).mapTo(Long.class).one(), "route walk"));
    }

    record Route(String method, String path, Set<RouteRole> roles) {}

    static List<Route> routes() {
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
        return path.replace("{cycle}", "2025-R1").replace("{applicantId}", "A-2001").replace("{kind}", "QIMG")
                .replace("{iteration}", "1").replace("{streamId}", "27039").replaceAll("\\{[^}]+}", "1");
    }

    static int call(Route route, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + address(route.path())))
                .header("Accept", "application/json")
                .method(route.method(), route.method().equals("GET") || route.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (!route.method().equals("GET") && !route.method().equals("DELETE")) request.header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void everyRouteRefusesTheCallersItsRolesDoNotAdmit() throws Exception {
        List<Route> routes = routes();
        assertThat(routes).hasSizeGreaterThan(60);
        List<String> leaks = new ArrayList<>();
        int refusalsChecked = 0;
        for (Route route : routes) {
            if (route.roles().contains(Access.ANYONE)) continue;
            int anonymous = call(route, null);
            boolean api = route.path().startsWith("/api/");
            if (api ? anonymous != 401 : anonymous != 302) leaks.add(route + " anonymous -> " + anonymous);
            refusalsChecked++;
            for (var entry : tokens.entrySet()) {
                if (route.roles().contains(entry.getKey())) continue;
                int status = call(route, entry.getValue());
                if (status != 403) leaks.add(route.method() + " " + route.path() + " as " + entry.getKey() + " -> " + status);
                refusalsChecked++;
            }
        }
        assertThat(leaks).as("routes that let in a caller their roles do not admit").isEmpty();
        assertThat(refusalsChecked).isGreaterThan(200);
    }
}
