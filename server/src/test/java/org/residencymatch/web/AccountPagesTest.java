package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;

/** The operator creates a program staff account and issues, then revokes, a bearer token for a machine client. */
@DatabaseTest
class AccountPagesTest {

    @RegisterExtension
    static final TestServer web = TestServer.demo();

    static int apiStatus(String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + "/api/v1/cycles/2025-R1/cases"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void createAnAccountIssueATokenShownOnceAndRevokeIt() throws Exception {
        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        operator.get("/operator/accounts");
        HttpResponse<String> refused = operator.post("/operator/accounts",
                Map.of("displayName", "McGill staff", "email", "staff@mcgill.example",
                        "password", "a long enough secret", "role", "PROGRAM_STAFF", "facultyId", "NOWHERE"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Enter the id of an existing faculty");
        operator.get("/operator/accounts");
        assertThat(operator.post("/operator/accounts", Map.of("displayName", "McGill staff", "email", "staff@mcgill.example",
                "password", "a long enough secret", "role", "PROGRAM_STAFF", "facultyId", "MCGILL")).statusCode()).isEqualTo(302);
        assertThat(new BrowserlessSession(web.port()).signIn("staff@mcgill.example", "a long enough secret").statusCode()).isEqualTo(302);

        long operatorId = web.services().database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM user_account WHERE email = :e")
                .bind("e", DemoData.OPERATOR_EMAIL).mapTo(Long.class).one());
        operator.get("/operator/accounts");
        var issued = operator.post("/operator/accounts/" + operatorId + "/tokens", Map.of("label", "nightly export"));
        // POST-redirect-GET: the page that shows the token is a GET, so a refresh issues nothing.
        assertThat(issued.statusCode()).isEqualTo(302);
        assertThat(issued.headers().firstValue("Location")).hasValue("/operator/accounts?issued=1#new-token");
        var shown = operator.get("/operator/accounts?issued=1");
        assertThat(shown.headers().firstValue("Cache-Control")).hasValue("no-store");
        Matcher token = Pattern.compile("<code>([A-Za-z0-9_-]{40,})</code>").matcher(shown.body());
        assertThat(token.find()).isTrue();
        assertThat(apiStatus(token.group(1))).isEqualTo(200);
        String refreshed = operator.get("/operator/accounts?issued=1").body();
        assertThat(refreshed).as("a refresh shows the token no more, and says so").doesNotContain(token.group(1))
                .contains("A token was issued and shown once");
        long issuedTokens = web.services().database().jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_token WHERE label = 'nightly export'")
                        .mapTo(Long.class).one());
        assertThat(issuedTokens).as("one token, however often the page is shown").isEqualTo(1);
        assertThat(operator.get("/operator/accounts").body()).contains("nightly export").doesNotContain(token.group(1));

        long tokenId = web.services().database().jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM api_token WHERE label = 'nightly export'").mapTo(Long.class).one());
        assertThat(operator.post("/operator/tokens/" + tokenId + "/revoke", Map.of()).statusCode()).isEqualTo(302);
        assertThat(apiStatus(token.group(1))).isEqualTo(401);
    }
}
