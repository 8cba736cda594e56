package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.store.DatabaseTest;

@DatabaseTest
class WebServerTest {

    @RegisterExtension
    static final TestServer web = TestServer.empty().withBootstrapToken("test-bootstrap-token");
    static final HttpClient http = HttpClient.newHttpClient();

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersHealthAndReadiness() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("READY");
    }

    @Test
    void everyRouteDeclaresWhoMayCallIt() {
        // Before/after filters are not routes: they run around routes and have no roles of their own.
        var endpoints = web.server().javalin().unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> !parsed.endpoint.method.name().startsWith("BEFORE") && !parsed.endpoint.method.name().startsWith("AFTER"))
                .toList();
        assertThat(endpoints).isNotEmpty();
        assertThat(endpoints).allSatisfy(parsed -> {
            var roles = parsed.endpoint.metadata(io.javalin.security.Roles.class);
            assertThat(roles).as(parsed.endpoint.method + " " + parsed.endpoint.path).isNotNull();
            assertThat(roles.getRoles()).as(parsed.endpoint.method + " " + parsed.endpoint.path).isNotEmpty();
        });
    }

    @Test
    void theLoginPageIsServedWithSecurityHeadersAndACsrfToken() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"").contains("<html lang=\"");
        assertThat(login.headers().firstValue("Content-Security-Policy")).get().asString().contains("script-src 'self'");
        assertThat(login.headers().firstValue("Set-Cookie")).get().asString().contains("HttpOnly").contains("SameSite=Lax");
    }
}
