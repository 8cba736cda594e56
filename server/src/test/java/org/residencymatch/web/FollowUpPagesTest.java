package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** BC-CAP registration in October, then the AIMG CAP invitations after match day, through the pages. */
@DatabaseTest
class FollowUpPagesTest {

    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);

    @Test
    void bcCapRegistersEligibleImgsAndTellsOthersExactlyWhyNot() throws Exception {
        clock.set(LocalDateTime.of(2024, 10, 15, 12, 0));
        BrowserlessSession amira = new BrowserlessSession(web.port());
        amira.signIn("amira.haddad@applicant.example", DemoData.PASSWORD);
        amira.get("/applicant/follow-ups");
        assertThat(amira.post("/applicant/bc-cap", Map.of()).statusCode()).isEqualTo(302);
        assertThat(amira.get("/applicant/follow-ups").body()).contains("You are registered for BC-CAP.");

        BrowserlessSession olga = new BrowserlessSession(web.port());
        olga.signIn("olga.petrova@applicant.example", DemoData.PASSWORD);
        olga.get("/applicant/follow-ups");
        HttpResponse<String> refused = olga.post("/applicant/bc-cap", Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("role=\"alert\"").contains("BC-CAP is for Canadian citizens and permanent residents");

        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        assertThat(operator.get("/operator/bc-cap.csv").body()).contains("A-2001,CAMD-").doesNotContain("A-2007");
    }

    @Test
    void whoCannotRegisterForBcCapIsToldWhyBeforeAnyButtonInEnglishAndFrench() throws Exception {
        clock.set(LocalDateTime.of(2024, 10, 15, 12, 0));
        BrowserlessSession olga = new BrowserlessSession(web.port());
        olga.signIn("olga.petrova@applicant.example", DemoData.PASSWORD);
        String page = olga.get("/applicant/follow-ups").body();
        assertThat(page).as("no button she cannot use").doesNotContain("action=\"/applicant/bc-cap\"")
                .contains("You cannot register for BC-CAP:").contains("BC-CAP is for Canadian citizens and permanent residents");
        assertThat(page).as("a fact of her page, not an alert she caused").doesNotContain("id=\"bccap-refused\" role=\"alert\"");
        String french = olga.get("/applicant/follow-ups?lang=fr").body();
        assertThat(french).doesNotContain("action=\"/applicant/bc-cap\"").contains("Vous ne pouvez pas vous inscrire");
    }

    @Test
    void afterMatchDayTheOperatorInvitesFromTheAimgPoolAndTheInviteeAccepts() throws Exception {
        clock.set(LocalDateTime.of(2025, 2, 20, 12, 0));
        var run = web.services().matchRuns().run(DemoData.CYCLE, 1, 1L, "operator");
        clock.set(LocalDateTime.of(2025, 3, 5, 12, 0));
        web.services().matchRuns().release(DemoData.CYCLE, run.id(), "operator");
        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        assertThat(operator.get("/operator/cap").body()).contains("A-2002").contains("Not invited");

        HttpResponse<String> invited = operator.post("/operator/cap/invite",
                Map.of("applicantId", "A-2002", "respondBy", "2025-03-20T17:00", "limit", "10"));
        assertThat(invited.statusCode()).isEqualTo(302);

        BrowserlessSession patel = new BrowserlessSession(web.port());
        patel.signIn("rajesh.patel@applicant.example", DemoData.PASSWORD);
        assertThat(patel.get("/applicant/follow-ups").body()).contains("You are invited to an AIMG clinical assessment placement")
                .as("the deadline typed in the cycle's zone is the one shown").contains("Mar. 20, 2025, 5:00 p.m. EDT");
        assertThat(web.services().clinicalAssessment().invitation(DemoData.CYCLE, "A-2002").orElseThrow().respondBy()).as("stored in UTC")
                .isEqualTo(LocalDateTime.of(2025, 3, 20, 21, 0));
        assertThat(patel.post("/applicant/cap/answer", Map.of("answer", "ACCEPT")).statusCode()).isEqualTo(302);
        assertThat(operator.get("/operator/cap").body()).contains("Accepted");
    }
}
