package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.account.Accounts;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;

/**
 * Paths that try to climb out of where they point: the raw list file download, every other route
 * with an id or name in its path, and the static assets. Each is refused with 400 or 404 and none
 * serves another file (the system's, the service's configuration or its classes).
 */
@DatabaseTest
class PathTraversalTest {

    /** Ways of writing "up a directory" and "from the root" that servers have been fooled by. */
    static final List<String> CLIMBS = List.of(
            "..", "../..", "../../../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "%2e%2e/%2e%2e/etc/passwd", "..%5c..%5cetc%5cpasswd", "%252e%252e%252fetc%252fpasswd", "..;/..;/etc/passwd",
            "%2fetc%2fpasswd", "/etc/passwd", "file:%2F%2F%2Fetc%2Fpasswd", "%c0%ae%c0%ae%c0%afetc%c0%afpasswd", "....//....//etc/passwd");
    /** What must never come back: the system's password file, the service's configuration, classes and jar manifests. */
    static final List<String> SECRETS = List.of("root:x:0:0", "<configuration>", "Manifest-Version", "INSERT INTO", "CREATE TABLE");

    @RegisterExtension
    static final TestServer web = TestServer.demo();
    static String operator;
    /** A bearer token for each role, so that each route is asked by a caller it admits (and reaches its id handling). */
    static final java.util.Map<Access, String> tokens = new java.util.EnumMap<>(Access.class);
    static long uploadId;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        Accounts accounts = new Accounts(web.services().database().jdbi(), web.services().clock());
        for (var account : java.util.Map.of(Access.OPERATOR, DemoData.OPERATOR_EMAIL, Access.APPLICANT, "amira.haddad@applicant.example",
                Access.PARTNER, "bci@partner.example", Access.PROGRAM_STAFF, "staff@ubc.example").entrySet()) {
            tokens.put(account.getKey(), web.services().database().jdbi().inTransaction(h -> accounts.issueApiToken(h,
                    h.createQuery("SELECT id FROM user_account WHERE email = :e").bind("e", account.getValue()).mapTo(Long.class).one(),
                    "traversal")));
        }
        operator = tokens.get(Access.OPERATOR);
        HttpResponse<String> upload = get("POST", "/api/v1/cycles/2025-R1/lists/QIMG/uploads?fileName=..%2F..%2Fetc%2Fpasswd",
                "Nom de famille;Prénom(s);Date de naissance;Contingent\r\nLévesque;Jean-François;1991-02-03;Régulier\r\n");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        uploadId = Long.parseLong(upload.body().replaceAll("(?s).*\"uploadId\":(\\d+).*", "$1"));
    }

    static HttpResponse<String> get(String method, String rawPath, String body) throws Exception {
        return get(method, rawPath, body, operator);
    }

    static HttpResponse<String> get(String method, String rawPath, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + rawPath))
                .header("Authorization", "Bearer " + token)
                .method(method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) request.header("Content-Type", "text/csv");
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Requests each address; returns those not refused with 400/404 or that served something secret. */
    static List<String> served(List<String> addresses) throws Exception {
        return served(addresses, operator);
    }

    static List<String> served(List<String> addresses, String token) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String address : addresses) {
            HttpResponse<String> response;
            try {
                response = get("GET", address, null, token);
            } catch (IllegalArgumentException e) {
                continue; // not even a URI the client will send: no server sees it
            }
            boolean refused = response.statusCode() == 400 || response.statusCode() == 404;
            boolean leaked = SECRETS.stream().anyMatch(response.body()::contains);
            if (!refused || leaked) wrong.add(address + " -> " + response.statusCode() + (leaked ? " LEAKED" : ""));
        }
        return wrong;
    }

    @Test
    void theRawFileIsServedForItsIdOnlyAndUnderASafeName() throws Exception {
        HttpResponse<String> file = get("GET", "/api/v1/cycles/2025-R1/lists/QIMG/uploads/" + uploadId + "/file", null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).contains("Lévesque");
        // The name it was uploaded under climbs; the name it is offered under does not.
        String disposition = file.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).isEqualTo("attachment; filename=\".._.._etc_passwd\"");

        List<String> addresses = new ArrayList<>();
        for (String climb : CLIMBS) {
            addresses.add("/api/v1/cycles/2025-R1/lists/QIMG/uploads/" + climb + "/file");
            addresses.add("/api/v1/cycles/2025-R1/lists/QIMG/uploads/" + uploadId + "/" + climb);
            addresses.add("/api/v1/cycles/2025-R1/lists/" + climb + "/uploads/" + uploadId + "/file");
            addresses.add("/api/v1/cycles/" + climb + "/lists/QIMG/uploads/" + uploadId + "/file");
        }
        assertThat(served(addresses)).isEmpty();
    }

    @Test
    void everyRouteWithAnIdOrNameInItsPathRefusesAClimb() throws Exception {
        List<String> wrong = new ArrayList<>();
        int asked = 0;
        for (RouteAccessTest.Route route : RouteAccessTest.routes(web.server())) {
            if (!route.method().equals("GET") || !route.path().contains("{")) continue;
            // The operator first: it reaches every id, so the id handling itself is what must refuse.
            String token = java.util.stream.Stream.of(Access.OPERATOR, Access.PROGRAM_STAFF, Access.PARTNER, Access.APPLICANT)
                    .filter(route.roles()::contains).map(tokens::get).findFirst().orElseThrow();
            String template = route.path();
            List<String> addresses = new ArrayList<>();
            for (var parameter : java.util.regex.Pattern.compile("\\{[^}]+}").matcher(template).results().map(r -> r.group()).toList()) {
                for (String climb : CLIMBS) addresses.add(RouteAccessTest.address(template.replace(parameter, climb)));
            }
            wrong.addAll(served(addresses, token));
            asked += addresses.size();
        }
        assertThat(asked).isGreaterThan(200);
        assertThat(wrong).isEmpty();
    }

    @Test
    void staticAssetsServeOnlyWhatIsInTheirFolder() throws Exception {
        assertThat(get("GET", "/assets/app.css", null).statusCode()).isEqualTo(200);
        List<String> addresses = new ArrayList<>();
        for (String mount : List.of("/assets/", "/webjars/")) {
            for (String target : List.of("logback.xml", "db/migration/V1__foundation.sql", "org/residencymatch/Services.class",
                    "META-INF/MANIFEST.MF", "etc/passwd")) {
                for (String climb : CLIMBS) addresses.add(mount + climb + "/" + target);
                addresses.add(mount + target.replace("/", "%2f"));
            }
            addresses.add(mount + "%2fetc%2fpasswd");
            addresses.add(mount + "/etc/passwd");
            addresses.add(mount + "file:/etc/passwd");
            addresses.add(mount + "jar:file:/etc/passwd!/");
        }
        addresses.add("/logback.xml");
        addresses.add("/db/migration/V1__foundation.sql");
        addresses.add("/public/app.css");
        assertThat(served(addresses)).isEmpty();
    }
}
