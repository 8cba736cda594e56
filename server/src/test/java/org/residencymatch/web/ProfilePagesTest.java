package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.Citizenship;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.FactStatus;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** The applicant declares facts on the profile page; verified facts stay as verified; the page locks after selection. */
@DatabaseTest
class ProfilePagesTest {

    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);

    @Test
    void declaringARegulierApprovalChangesTheCatalogueAndOpensACase() throws Exception {
        clock.set(LocalDateTime.of(2024, 10, 15, 12, 0));
        BrowserlessSession amira = new BrowserlessSession(web.port());
        amira.signIn("amira.haddad@applicant.example", DemoData.PASSWORD);
        assertThat(amira.get("/applicant/profile").body()).contains("Canadian citizen").contains("name=\"citizenship\"")
                .contains("Verified by the match operator on");

        HttpResponse<String> saved = amira.post("/applicant/profile", Map.of("category", "IMG", "studyStatus", "GRADUATE",
                "graduationDate", "2024-05-31", "cmqApproval", "REGULIER", "ontarioHighSchoolYears", "0", "citizenship", "CITIZEN"));

        assertThat(saved.statusCode()).isEqualTo(302);
        var facts = web.services().profiles().profile(DemoData.CYCLE, "A-2001").orElseThrow();
        assertThat(facts.cmqApproval()).isEqualTo(CmqApproval.REGULIER);
        assertThat(facts.citizenship()).as("a verified fact sent unchanged is accepted").isEqualTo(Citizenship.CITIZEN);
        assertThat(web.services().catalogue().explain(DemoData.CYCLE, "A-2001", "27032", 1).decision().reasonCodes())
                .contains("QUEBEC_REGULIER_NOT_ON_LIST");
        assertThat(web.services().reconciliation().casesOf(DemoData.CYCLE, "A-2001")).extracting(c -> c.code())
                .contains("QUEBEC_REGULIER_NOT_ON_LIST");
    }

    @Test
    void factsFromTheirSourceAreShownAsSuchAndAChangeToOneIsRefusedWithNothingSaved() throws Exception {
        clock.set(LocalDateTime.of(2024, 10, 15, 12, 0));
        BrowserlessSession olga = new BrowserlessSession(web.port());
        olga.signIn("olga.petrova@applicant.example", DemoData.PASSWORD);
        String page = olga.get("/applicant/profile").body();
        assertThat(page).contains("From the Medical Council of Canada.")
                .doesNotContain("name=\"mccqe1\"").contains("name=\"cmqApproval\"").contains("name=\"citizenship\"");
        var before = web.services().profiles().profile(DemoData.CYCLE, "A-2007").orElseThrow();
        long audited = auditRows();

        HttpResponse<String> refused = olga.post("/applicant/profile", Map.of("category", "IMG", "studyStatus", "FINAL_YEAR_STUDENT",
                "citizenship", "CITIZEN", "nac", "FAILED"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("role=\"alert\"")
                .contains("Facts that others verify cannot be changed here, so nothing was saved.");
        assertThat(web.services().profiles().profile(DemoData.CYCLE, "A-2007")).contains(before);
        assertThat(auditRows()).isEqualTo(audited);

        // Jean-François's CMQ approval is on BCI's QIMG list: verified, not in the form, not changeable.
        BrowserlessSession jf = new BrowserlessSession(web.port());
        jf.signIn("jean-francois.levesque@applicant.example", DemoData.PASSWORD);
        assertThat(jf.get("/applicant/profile").body()).contains("From BCI's QIMG list (version 1).")
                .doesNotContain("name=\"cmqApproval\"");
        assertThat(jf.post("/applicant/profile", Map.of("category", "IMG", "cmqApproval", "NONE")).statusCode()).isEqualTo(422);
        assertThat(jf.post("/applicant/profile", Map.of("category", "IMG", "studyStatus", "GRADUATE", "graduationDate", "2024-05-31",
                "citizenship", "CITIZEN")).statusCode()).isEqualTo(302);
        assertThat(web.services().profiles().profile(DemoData.CYCLE, "A-2004").orElseThrow().cmqApproval()).isEqualTo(CmqApproval.REGULIER);
    }

    @Test
    void eachFactShowsWhereItsVerificationStandsAndChangingAVerifiedOneSendsItBackToAwaitingAndSaysSo() throws Exception {
        clock.set(LocalDateTime.of(2024, 10, 15, 12, 0));
        // Nadia's proof of citizenship was refused: the page says by whom, when, why, and what to upload, with the form to upload it.
        BrowserlessSession nadia = new BrowserlessSession(web.port());
        nadia.signIn("nadia.kowalski@applicant.example", DemoData.PASSWORD);
        String refused = nadia.get("/applicant/profile").body();
        assertThat(refused).contains("data-fact=\"CITIZENSHIP\" data-state=\"REFUSED\"").contains("Refused by the match operator on")
                .contains("it proves neither citizenship nor permanent residence")
                .contains("Upload a proof of citizenship or permanent residence")
                .contains("data-fact=\"CATEGORY\" data-state=\"VERIFIED\"")
                // Her refused document, with the reason, and beside the fact the form to upload another.
                .contains("birth-certificate.pdf").contains("data-status=\"REFUSED\"")
                .contains("<form method=\"post\" action=\"/applicant/documents\" enctype=\"multipart/form-data\"")
                .contains("id=\"file-CITIZENSHIP\"");

        // Ravi has only declared: every fact the rules read awaits verification; the category blocks.
        BrowserlessSession ravi = new BrowserlessSession(web.port());
        ravi.signIn("ravi.iyer@applicant.example", DemoData.PASSWORD);
        assertThat(ravi.get("/applicant/profile").body()).contains("data-fact=\"CATEGORY\" data-state=\"AWAITING_VERIFICATION\"")
                .contains("Programs that depend on it stay pending until it is verified.")
                .contains("data-fact=\"DEGREE\" data-state=\"AWAITING_VERIFICATION\"");

        // Amira (all verified) changes her MD date: the degree is awaiting verification again, and the page says so.
        BrowserlessSession amira = new BrowserlessSession(web.port());
        amira.signIn("amira.haddad@applicant.example", DemoData.PASSWORD);
        amira.get("/applicant/profile");
        var before = web.services().profiles().profile(DemoData.CYCLE, "A-2001").orElseThrow();
        HttpResponse<String> saved = amira.post("/applicant/profile", Map.of("category", "IMG", "studyStatus", "GRADUATE",
                "graduationDate", "2024-04-30", "cmqApproval", before.cmqApproval().name(), "citizenship", "CITIZEN"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).contains("reopened=DEGREE");
        var after = web.services().profiles().profile(DemoData.CYCLE, "A-2001").orElseThrow();
        assertThat(after.checks().status(ProfileFact.DEGREE).state()).isEqualTo(FactStatus.State.AWAITING_VERIFICATION);
        assertThat(after.checks().status(ProfileFact.CITIZENSHIP).isVerified()).as("unchanged facts stay verified").isTrue();
        assertThat(amira.get(saved.headers().firstValue("Location").orElseThrow()).body())
                .contains("they are awaiting verification again").contains("Medical degree and its date")
                .contains("data-fact=\"DEGREE\" data-state=\"AWAITING_VERIFICATION\"");
        long reopened = web.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'applicant.fact.reopened' AND target = 'applicant:A-2001' AND details LIKE '%DEGREE%'")
                .mapTo(Long.class).one());
        assertThat(reopened).isEqualTo(1L);
    }

    @Test
    void anApplicationToAStreamOpenOnlySubjectToVerificationIsMarkedSoOnTheApplicationsPage() throws Exception {
        clock.set(LocalDateTime.of(2024, 10, 15, 12, 0));
        // Yusuf's citizenship goes back to awaiting verification: an Ontario IMG stream stays selectable, provisionally.
        web.services().database().jdbi()
                .useTransaction(h -> web.services().applicants().reopen(h, DemoData.CYCLE, "A-2016", ProfileFact.CITIZENSHIP));
        web.services().applications().apply(DemoData.CYCLE, 1, "A-2016", "27039", "applicant:A-2016");
        BrowserlessSession yusuf = new BrowserlessSession(web.port());
        yusuf.signIn("yusuf.demir@applicant.example", DemoData.PASSWORD);

        assertThat(yusuf.get("/applicant/applications").body())
                .contains("Subject to verification: this application rests on facts not verified yet");
        assertThat(yusuf.get("/applicant/catalogue?province=ON&streamType=IMG").body()).contains("Subject to verification of your facts");
    }

    private static long auditRows() {
        return web.services().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log").mapTo(Long.class).one());
    }

    @Test
    void badValuesAreRefusedFieldByFieldAndTheProfileLocksAfterProgramSelection() throws Exception {
        clock.set(LocalDateTime.of(2024, 10, 15, 12, 0));
        BrowserlessSession wei = new BrowserlessSession(web.port());
        wei.signIn("wei.chen@applicant.example", DemoData.PASSWORD);
        wei.get("/applicant/profile");
        HttpResponse<String> refused = wei.post("/applicant/profile",
                Map.of("category", "IMG", "graduationDate", "31/05/2024", "ontarioHighSchoolYears", "12"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("role=\"alert\"").contains("Your MD date is not a date: write it as year-month-day")
                .contains("Enter a number of years from 0 to 6.");

        clock.set(LocalDateTime.of(2024, 12, 1, 12, 0));
        BrowserlessSession later = new BrowserlessSession(web.port());
        later.signIn("wei.chen@applicant.example", DemoData.PASSWORD);
        assertThat(later.get("/applicant/profile").body()).contains("can be changed only during registration and program selection")
                .contains("<fieldset class=\"declared\" disabled>");
        assertThat(later.post("/applicant/profile", Map.of("category", "CMG")).statusCode()).isEqualTo(409);
    }

    @Test
    void theFormGroupsItsFactsInFieldsetsWithLegendsAndEveryInputHasItsLabel() throws Exception {
        clock.set(LocalDateTime.of(2024, 10, 15, 12, 0));
        BrowserlessSession amira = new BrowserlessSession(web.port());
        amira.signIn("amira.haddad@applicant.example", DemoData.PASSWORD);
        String page = amira.get("/applicant/profile").body();
        assertThat(page).contains("<legend>Your medical degree</legend>").contains("<legend>Citizenship and Québec approval</legend>")
                .contains("<legend>Training and practice since your MD</legend>").contains("<legend>Ties to a province</legend>");
        for (String id : new String[]{"category", "studyStatus", "graduationDate", "citizenship", "priorPostgraduateTraining",
                "fellowshipCanadaUs",
                "militaryTrainingPlanMember", "latestClinicalActivityDate", "tie-NS", "tie-NB", "ontarioHighSchoolYears"}) {
            assertThat(page).as(id).contains("id=\"" + id + "\"").contains("<label for=\"" + id + "\">");
        }
        String french = amira.get("/applicant/profile?lang=fr").body();
        assertThat(french).contains("<legend>Votre diplôme de médecine</legend>").contains("<legend>Liens avec une province</legend>");
        amira.get("/applicant/profile?lang=en");
    }

    @Test
    void aDateInTheFutureIsRefusedSayingSoNextToItsFieldAndNothingIsSaved() throws Exception {
        clock.set(LocalDateTime.of(2024, 10, 15, 12, 0));
        BrowserlessSession amira = new BrowserlessSession(web.port());
        amira.signIn("amira.haddad@applicant.example", DemoData.PASSWORD);
        amira.get("/applicant/profile");
        var before = web.services().profiles().profile(DemoData.CYCLE, "A-2001").orElseThrow();
        HttpResponse<String> refused = amira.post("/applicant/profile", Map.of("category", "IMG", "studyStatus", "GRADUATE",
                "graduationDate", "2030-05-31", "latestClinicalActivityDate", "2031-01-01", "citizenship", "CITIZEN"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "<p class=\"error\" id=\"graduationDate-error\">You say you are a graduate, so your MD date cannot be in the future")
                .contains(
                        "<p class=\"error\" id=\"latestClinicalActivityDate-error\">The end of your latest practice cannot be in the future")
                .contains("aria-describedby=\"latestClinicalActivityDate-error\"").contains("<a href=\"#graduationDate\">");
        assertThat(web.services().profiles().profile(DemoData.CYCLE, "A-2001")).contains(before);

        amira.get("/applicant/profile?lang=fr");
        assertThat(
                amira.post("/applicant/profile",
                        Map.of("category", "IMG", "studyStatus", "GRADUATE", "latestClinicalActivityDate", "2031-01-01",
                                "citizenship", "CITIZEN"))
                        .body())
                .contains("La fin de votre dernière pratique ne peut pas être dans le futur");
        amira.get("/applicant/profile?lang=en");
    }
}
