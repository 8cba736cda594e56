package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.help.HelpCase;
import org.residencymatch.help.HelpCaseStatus;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** Asking the operator for help from the catalogue, following the case, and the operator answering it. */
@DatabaseTest
class HelpPagesTest {

    static final String LAVAL_ANESTHESIOLOGY = "27032";
    static final String FATIMA_EMAIL = "fatima.benali@applicant.example";
    @RegisterExtension
    static final TestServer web = TestServer.demo(new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0)));

    @Test
    void theApplicantAsksInOneStepTheOperatorSeesWhatTheySawAndAnswersAndTheApplicantReadsTheAnswer() throws Exception {
        BrowserlessSession fatima = new BrowserlessSession(web.port());
        fatima.signIn(FATIMA_EMAIL, DemoData.PASSWORD);
        String catalogue = fatima.get("/applicant/catalogue?q=" + LAVAL_ANESTHESIOLOGY).body();
        assertThat(catalogue).contains("<form method=\"post\" action=\"/applicant/help\"").contains("Ask the operator for help");

        var asked = fatima.post("/applicant/help", Map.of("streamId", LAVAL_ANESTHESIOLOGY, "iteration", "1",
                "message", "I was approved for the Régulier contingent but cannot see <b>Québec</b> programs."));
        assertThat(asked.statusCode()).isEqualTo(302);
        HelpCase help = web.services().help().casesOf(DemoData.CYCLE, "A-2005").get(0);
        assertThat(asked.headers().firstValue("Location")).hasValue("/applicant/help#help-case-" + help.id());

        String mine = fatima.get("/applicant/help").body();
        assertThat(mine).contains("id=\"help-case-" + help.id() + "\"").contains("Waiting for an answer")
                .contains("I was approved for the Régulier contingent but cannot see &lt;b&gt;Québec&lt;/b&gt; programs.")
                .contains(help.reasons().get(0).message().en()).contains(help.reasons().get(0).code());
        assertThat(fatima.get("/applicant/catalogue?q=" + LAVAL_ANESTHESIOLOGY).body()).as("the explanation links to the open request")
                .contains("You asked the operator about this stream").contains("/applicant/help#help-case-" + help.id());

        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        assertThat(operator.get("/operator/help").body()).contains("/operator/help/" + help.id()).contains("A-2005")
                .contains(help.reasonCodes().get(0));
        String detail = operator.get("/operator/help/" + help.id()).body();
        assertThat(detail).contains("cannot see &lt;b&gt;Québec&lt;/b&gt; programs.");
        for (var reason : help.reasons()) {
            assertThat(detail).contains(reason.message().en()).contains(reason.nextStep().action().en()).contains(reason.code())
                    .contains(reason.provenance().ruleId());
        }
        assertThat(detail).as("her reconciliation case, opened by the lists").contains("QUEBEC_REGULIER_NOT_ON_LIST");

        assertThat(operator.post("/operator/help/" + help.id() + "/answer", Map.of("body", " ")).statusCode()).isEqualTo(400);
        assertThat(operator
                .post("/operator/help/" + help.id() + "/answer", Map.of("body", "BCI left you off by mistake; a corrected list is coming."))
                .statusCode())
                .isEqualTo(302);
        assertThat(fatima.get("/applicant/catalogue").body()).as("where she lands, the answer is announced")
                .contains("<p class=\"notice\" id=\"help-answered\">The operator answered your help request.");
        assertThat(operator.post("/operator/help/" + help.id() + "/close", Map.of()).statusCode()).isEqualTo(302);
        assertThat(operator.post("/operator/help/" + help.id() + "/close", Map.of()).statusCode()).as("already closed").isEqualTo(409);
        assertThat(fatima.get("/applicant/catalogue").body()).doesNotContain("id=\"help-answered\"");
        assertThat(operator.get("/operator/help/" + help.id()).body()).doesNotContain("name=\"body\"");

        String answered = fatima.get("/applicant/help").body();
        assertThat(answered).contains("BCI left you off by mistake; a corrected list is coming.").contains("Closed");
        // Answers are signed with the operator's name, never with an account id (issue #16).
        assertThat(answered).contains(" by Claire Fortin:").doesNotContain("user:");
        assertThat(operator.get("/operator/help/" + help.id()).body()).contains("<span class=\"signature\">Claire Fortin</span>")
                .doesNotContain("user:");
        assertThat(fatima.get("/applicant/help?lang=fr").body()).contains(", par Claire Fortin :");
        assertThat(web.services().help().find(DemoData.CYCLE, help.id()).orElseThrow().status()).isEqualTo(HelpCaseStatus.CLOSED);
    }

    @Test
    void aRequestWithoutTheCsrfTokenOrAboutASelectableStreamOpensNothing() throws Exception {
        BrowserlessSession amira = new BrowserlessSession(web.port());
        amira.signIn("amira.haddad@applicant.example", DemoData.PASSWORD);
        amira.get("/applicant/catalogue");
        assertThat(amira.postRaw("/applicant/help", Map.of("streamId", LAVAL_ANESTHESIOLOGY)).statusCode()).isEqualTo(403);
        assertThat(amira.post("/applicant/help", Map.of("streamId", "27039")).statusCode()).as("selectable: nothing to ask").isEqualTo(409);
        assertThat(amira.post("/applicant/help", Map.of("streamId", LAVAL_ANESTHESIOLOGY, "message", "x".repeat(2001))).statusCode())
                .isEqualTo(400);
        assertThat(web.services().help().casesOf(DemoData.CYCLE, "A-2001")).isEmpty();
    }

    @Test
    void anApplicantSeesOnlyTheirOwnRequestsAndNoneOfTheOperatorsPages() throws Exception {
        HelpCase other = web.services().help().open(DemoData.CYCLE, "A-2011", 1, LAVAL_ANESTHESIOLOGY, "private question", "test");
        BrowserlessSession amira = new BrowserlessSession(web.port());
        amira.signIn("amira.haddad@applicant.example", DemoData.PASSWORD);
        assertThat(amira.get("/applicant/help").body()).doesNotContain("private question").doesNotContain("help-case-" + other.id());
        assertThat(amira.get("/operator/help").statusCode()).isEqualTo(403);
        assertThat(amira.get("/operator/help/" + other.id()).statusCode()).isEqualTo(403);
    }

    @Test
    void inFrenchDisciplineAndStreamNamesAreFrench() throws Exception {
        BrowserlessSession fatima = new BrowserlessSession(web.port());
        fatima.signIn(FATIMA_EMAIL, DemoData.PASSWORD);
        fatima.get("/applicant/catalogue");
        fatima.post("/language", Map.of("lang", "fr", "next", "/applicant/catalogue"));
        String page = fatima.get("/applicant/catalogue?q=" + LAVAL_ANESTHESIOLOGY).body();
        assertThat(page).contains("<html lang=\"fr\">").contains("<strong>Anesthésiologie</strong>")
                .contains("<span>Québec - Volet régulier, ouvert à tous</span>")
                .contains(">Anesthésiologie</option>").contains("Demander l’aide de l’opérateur")
                .doesNotContain(">Anesthesiology<").doesNotContain("Regular Stream for All");
        fatima.post("/language", Map.of("lang", "en", "next", "/applicant/catalogue"));
        assertThat(fatima.get("/applicant/catalogue?q=" + LAVAL_ANESTHESIOLOGY).body()).as("no lang on an English page")
                .contains("<strong>Anesthesiology</strong>").doesNotContain("lang=\"en\">Anesthesiology");
    }
}
