package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.help.HelpCase;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * The help desk finds applicants, reads their page and answers their help requests, and nothing else: it
 * cannot release results, run the match, change a calendar, commit a list or verify a document.
 */
@DatabaseTest
class HelpDeskAccessTest {

    @RegisterExtension
    static final TestServer web = TestServer.demo(new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0)));
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Every route the help desk is let into; any other route refuses it (RouteAccessTest walks them all). */
    static final Set<String> ADMITTED = Set.of(
            "GET /operator/applicants",
            "GET /operator/applicants/{applicantId}",
            "GET /api/v1/cycles/{cycle}/applicants",
            "GET /operator/help",
            "GET /operator/help/{caseId}",
            "POST /operator/help/{caseId}/answer",
            "POST /operator/help/{caseId}/close",
            "GET /api/v1/cycles/{cycle}/applicants/{applicantId}/help-cases",
            "GET /api/v1/cycles/{cycle}/help-cases",
            "GET /api/v1/cycles/{cycle}/help-cases/{helpCaseId}",
            "POST /api/v1/cycles/{cycle}/help-cases/{helpCaseId}/answers",
            "POST /api/v1/cycles/{cycle}/help-cases/{helpCaseId}/closure");

    @Test
    void theHelpDeskIsAdmittedToTheSearchTheApplicantPageAndTheHelpRequestsOnly() {
        Set<String> admitted = new TreeSet<>();
        for (RouteAccessTest.Route route : RouteAccessTest.routes(web.server())) {
            if (route.roles().contains(Access.HELP_DESK)) admitted.add(route.method() + " " + route.path());
        }
        assertThat(admitted).containsExactlyInAnyOrderElementsOf(ADMITTED);
    }

    @Test
    void theHelpDeskFindsAnApplicantReadsTheirPageAndAnswersTheirHelpRequest() throws Exception {
        BrowserlessSession desk = new BrowserlessSession(web.port());
        var signedIn = desk.signIn(DemoData.HELP_DESK_EMAIL, DemoData.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(desk.get("/").headers().firstValue("Location")).hasValue("/operator/applicants");

        String found = desk.get("/operator/applicants?q=francois+levesque").body();
        assertThat(found).contains("/operator/applicants/A-2004");
        assertThat(found).as("the help desk's sections: the search and the help requests, nothing of the operator's")
                .contains("href=\"/operator/help\"").doesNotContain("href=\"/operator/match\"")
                .doesNotContain("href=\"/operator/calendar\"")
                .doesNotContain("href=\"/operator/verification\"");
        var page = desk.get("/operator/applicants/A-2004");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Lévesque").as("read-only: no form acts on the applicant").doesNotContain("action=\"/operator/");

        HelpCase help = web.services().help().open(DemoData.CYCLE, "A-2005", 1, "27032", "I cannot see Québec programs.",
                "applicant:A-2005");
        assertThat(desk.get("/operator/help").body()).contains("/operator/help/" + help.id());
        assertThat(desk.get("/operator/help/" + help.id()).statusCode()).isEqualTo(200);
        assertThat(desk.post("/operator/help/" + help.id() + "/answer", Map.of("body", "We asked BCI to check its list.")).statusCode())
                .isEqualTo(302);
        assertThat(desk.get("/operator/help/" + help.id()).body()).contains("We asked BCI to check its list.")
                .contains("<span class=\"signature\">Help desk</span>");
        assertThat(desk.post("/operator/help/" + help.id() + "/close", Map.of()).statusCode()).isEqualTo(302);
    }

    @Test
    void theHelpDeskCannotReleaseRunTheMatchChangeTheCalendarCommitAListOrVerifyADocument() throws Exception {
        BrowserlessSession desk = new BrowserlessSession(web.port());
        desk.signIn(DemoData.HELP_DESK_EMAIL, DemoData.PASSWORD);
        desk.get("/operator/applicants");
        for (String refusedPage : new String[]{"/operator/match", "/operator/calendar", "/operator/verification", "/operator/cases",
                "/operator/accounts", "/partner/lists"}) {
            assertThat(desk.get(refusedPage).statusCode()).as(refusedPage).isEqualTo(403);
        }
        for (String refusedForm : new String[]{"/operator/match/run", "/operator/match/1/release", "/operator/calendar",
                "/partner/lists/AIMG/uploads/1/commit", "/operator/verification/A-2025/documents/1"}) {
            assertThat(desk.post(refusedForm, Map.of("confirm", "1")).statusCode()).as(refusedForm).isEqualTo(403);
        }
        String token = RouteAccessTestTokens.issue(web, DemoData.HELP_DESK_EMAIL);
        assertThat(api("GET", "/api/v1/cycles/2025-R1/applicants?q=haddad", token)).isEqualTo(200);
        assertThat(api("GET", "/api/v1/cycles/2025-R1/help-cases", token)).isEqualTo(200);
        for (String[] refused : new String[][]{
                {"POST", "/api/v1/cycles/2025-R1/iterations/1/match-runs"},
                {"POST", "/api/v1/cycles/2025-R1/iterations/1/match-runs/1/release"},
                {"PUT", "/api/v1/cycles/2025-R1/iterations/1/calendar"},
                {"POST", "/api/v1/cycles/2025-R1/lists/AIMG/uploads/1/commit"},
                {"POST", "/api/v1/cycles/2025-R1/applicants/A-2025/documents/1/decision"},
                {"POST", "/api/v1/cycles/2025-R1/applicants/A-2025/facts/CATEGORY/decision"}}) {
            assertThat(api(refused[0], refused[1], token)).as(refused[0] + " " + refused[1]).isEqualTo(403);
        }
    }

    static int api(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** An API token for a demo account, as RouteAccessTest issues them. */
    static final class RouteAccessTestTokens {
        static String issue(TestServer server, String email) {
            var accounts = new org.residencymatch.account.Accounts(server.services().database().jdbi(), server.services().clock());
            return server.services().database().jdbi().inTransaction(h -> accounts.issueApiToken(h,
                    h.createQuery("SELECT id FROM user_account WHERE email = :e").bind("e", email).mapTo(Long.class).one(),
                    "help desk test"));
        }
    }
}
