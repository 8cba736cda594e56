package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;

/** The pages that must work now, without JavaScript, in English and French, behind sign-in. */
@DatabaseTest
class PagesTest {

    @RegisterExtension
    static final TestServer web = TestServer.demo();

    private BrowserlessSession browser() {
        return new BrowserlessSession(web.port());
    }

    @Test
    void signingInRotatesTheSessionAndLeadsTheApplicantToTheirCatalogue() throws Exception {
        BrowserlessSession browser = browser();
        browser.get("/login");
        String before = browser.sessionCookie();

        HttpResponse<String> login = browser.post("/login",
                Map.of("email", "amira.haddad@applicant.example", "password", DemoData.PASSWORD, "next", "/"));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(browser.sessionCookie()).isNotNull().isNotEqualTo(before);
        HttpResponse<String> home = browser.get("/");
        assertThat(home.headers().firstValue("Location")).hasValue("/applicant");
    }

    @Test
    void eachRoleLandsOnItsOwnStartingPageTheOperatorOnTheDashboard() throws Exception {
        Map<String, String> landing = Map.of(DemoData.OPERATOR_EMAIL, "/operator/dashboard", "aimg@partner.example", "/partner/lists",
                "staff@ubc.example", "/staff/streams", DemoData.HELP_DESK_EMAIL, "/operator/applicants");
        for (var user : landing.entrySet()) {
            BrowserlessSession session = browser();
            session.signIn(user.getKey(), DemoData.PASSWORD);
            assertThat(session.get("/").headers().firstValue("Location")).as(user.getKey()).hasValue(user.getValue());
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithAnAnnouncedError() throws Exception {
        HttpResponse<String> login = browser().signIn("amira.haddad@applicant.example", "wrong");

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.body()).contains("role=\"alert\"").contains("The email or password is not right.");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhileEvenWithTheRightOne() throws Exception {
        for (int i = 0; i < org.residencymatch.account.LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
            assertThat(browser().signIn("olga.petrova@applicant.example", "guess-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> blocked = browser().signIn("olga.petrova@applicant.example", DemoData.PASSWORD);

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("Too many failed sign-ins");
        assertThat(browser().signIn("amira.haddad@applicant.example", DemoData.PASSWORD).statusCode()).as("other accounts are not affected")
                .isEqualTo(302);
    }

    @Test
    void theCatalogueExplainsEveryStreamTheApplicantCannotSelect() throws Exception {
        BrowserlessSession browser = browser();
        browser.signIn("amira.haddad@applicant.example", DemoData.PASSWORD);

        HttpResponse<String> page = browser.get("/applicant/catalogue?province=AB&streamType=IMG");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        int rows = html.split("<tr id=\"stream-").length - 1;
        assertThat(rows).isGreaterThan(0);
        assertThat(html.split("<details class=\"why\">").length - 1).isEqualTo(rows);
        assertThat(html).contains("Why can't I apply?").contains("AIMG_LIST_REQUIRED").contains("list AIMG v1");
    }

    @Test
    void selectableStreamsComeFirstAndSearchNarrowsTheList() throws Exception {
        BrowserlessSession browser = browser();
        browser.signIn("rajesh.patel@applicant.example", DemoData.PASSWORD);

        String html = browser.get("/applicant/catalogue?q=calgary+family").body();

        assertThat(html).contains("University of Calgary").doesNotContain("University of Alberta ·");
        int firstSelectable = html.indexOf("class=\"decision-SELECTABLE\">You can select it</span>\n");
        int firstNotEligible = html.indexOf("class=\"decision-NOT_ELIGIBLE\">Not eligible</span>\n");
        assertThat(firstSelectable).isPositive();
        assertThat(firstNotEligible < 0 || firstSelectable < firstNotEligible).isTrue();
    }

    @Test
    void theLanguageSwitchIsRememberedAndTranslatesTheExplanations() throws Exception {
        BrowserlessSession browser = browser();
        browser.signIn("fatima.benali@applicant.example", DemoData.PASSWORD);
        browser.get("/applicant/catalogue");

        HttpResponse<String> switched = browser.post("/language", Map.of("lang", "fr", "next", "/applicant/catalogue?province=QC"));
        assertThat(switched.statusCode()).isEqualTo(302);
        String html = browser.get("/applicant/catalogue?province=QC").body();

        assertThat(html).contains("<html lang=\"fr\">").contains("Pourquoi ne puis-je pas postuler?")
                .contains("QUEBEC_REGULIER_NOT_ON_LIST");
        assertThat(browser.get("/applicant/catalogue").body()).contains("<html lang=\"fr\">");
    }

    @Test
    void theOperatorSeesCommentsAndResolvesReconciliationCases() throws Exception {
        BrowserlessSession browser = browser();
        browser.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        String html = browser.get("/operator/cases").body();
        assertThat(html).contains("QUEBEC_REGULIER_NOT_ON_LIST").contains("A-2005");
        long caseId = web.services().reconciliation().cases(DemoData.CYCLE, org.residencymatch.reconciliation.CaseStatus.OPEN).stream()
                .filter(c -> c.applicantId().equals("A-2005")).findFirst().orElseThrow().id();

        assertThat(
                browser.post("/operator/cases/" + caseId + "/comment", Map.of("body", "Asked BCI <script>alert(1)</script>")).statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/operator/cases").body()).contains("Asked BCI &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(
                browser.post("/operator/cases/" + caseId + "/resolve", Map.of("resolution", "BCI will send a corrected list")).statusCode())
                .isEqualTo(302);

        String resolved = browser.get("/operator/cases?status=RESOLVED").body();
        assertThat(resolved).contains("BCI will send a corrected list");
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() throws Exception {
        BrowserlessSession browser = browser();
        browser.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        long caseId = web.services().reconciliation().cases(DemoData.CYCLE, org.residencymatch.reconciliation.CaseStatus.OPEN).get(0).id();

        HttpResponse<String> forged = browser.postRaw("/operator/cases/" + caseId + "/resolve", Map.of("resolution", "forged"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(web.services().reconciliation().find(DemoData.CYCLE, caseId).orElseThrow().resolution()).isNull();
    }

    @Test
    void theContactLinkOfAnExplanationOpensTheHelpPageInTheAskedLanguage() throws Exception {
        BrowserlessSession browser = browser();
        browser.signIn("fatima.benali@applicant.example", DemoData.PASSWORD);
        assertThat(browser.get("/applicant/catalogue?province=QC").body()).contains("href=\"/help/contact?lang=en\"");

        String help = browser.get("/help/contact?lang=fr").body();

        assertThat(help).contains("<html lang=\"fr\">").contains("Joindre l’opérateur du jumelage").contains("mailto:");
    }

    @Test
    void programStaffSeeTheStreamsOfTheirOwnFacultyOnly() throws Exception {
        BrowserlessSession staff = browser();
        staff.signIn("staff@ubc.example", DemoData.PASSWORD);
        assertThat(staff.get("/").headers().firstValue("Location")).hasValue("/staff/streams");

        String html = staff.get("/staff/streams").body();

        assertThat(html).contains("Your program streams").contains("Competitive RoS Stream for All").doesNotContain("Université Laval");
        int rows = html.split("<tr data-stream=").length - 1;
        assertThat(rows)
                .isEqualTo(web.services().database().jdbi().withHandle(h -> web.services().programs().streams(h, DemoData.CYCLE)).stream()
                        .filter(s -> s.facultyId().equals("UBC")).count());
    }

    @Test
    void rolesOnlyReachTheirOwnPages() throws Exception {
        BrowserlessSession applicant = browser();
        applicant.signIn("amira.haddad@applicant.example", DemoData.PASSWORD);
        assertThat(applicant.get("/operator/cases").statusCode()).isEqualTo(403);

        HttpResponse<String> anonymous = browser().get("/applicant/catalogue");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/login?next=%2Fapplicant%2Fcatalogue");
    }
}
