package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.FactStatus;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.eligibility.Verifier;
import org.residencymatch.store.DatabaseTest;

/**
 * The faculty's verification page (issue #18, point 4): UBC's program staff see their own student
 * Chloé's category and degree awaiting verification, refuse only with a reason in both languages,
 * verify under the faculty's name; another applicant is not theirs to decide. And the operator's
 * applicant page lists the applicant's documents with their status and a download link.
 */
@DatabaseTest
class FacultyVerificationPagesTest {

    @RegisterExtension
    static final TestServer web = TestServer.demo();

    static BrowserlessSession ubc() throws Exception {
        BrowserlessSession staff = new BrowserlessSession(web.port());
        assertThat(staff.signIn("staff@ubc.example", DemoData.PASSWORD).statusCode()).isEqualTo(302);
        return staff;
    }

    @Test
    void aFacultyVerifiesItsOwnStudentsFactsFromItsPageAndOnlyThose() throws Exception {
        BrowserlessSession staff = ubc();
        String page = staff.get("/staff/verification").body();
        assertThat(page).contains("Verify your students").contains("University of British Columbia")
                .contains("data-applicant=\"" + DemoData.CHLOE + "\" data-fact=\"CATEGORY\"")
                .contains("data-applicant=\"" + DemoData.CHLOE + "\" data-fact=\"DEGREE\"")
                .doesNotContain("data-applicant=\"A-2025\"").contains("href=\"/staff/verification\"")
                .contains("No document sent: confirm it from your faculty's records.");
        assertThat(staff.get("/staff/verification?lang=fr").body()).contains("Vérifier vos étudiants")
                .contains("Faits en attente de votre vérification");
        staff.get("/staff/verification?lang=en");

        // A refusal without its reasons in both languages changes nothing and says why, beside the fact.
        HttpResponse<String> incomplete = staff.post("/staff/verification/" + DemoData.CHLOE + "/facts/CATEGORY",
                Map.of("decision", "REFUSED", "reasonEn", "Not ours", "reasonFr", " "));
        assertThat(incomplete.statusCode()).isEqualTo(422);
        assertThat(incomplete.body()).contains("id=\"error-" + DemoData.CHLOE + "-CATEGORY\"").contains("in English and in French");
        // Another faculty's student or an IMG, and a fact no faculty verifies, are pages that do not exist.
        assertThat(staff.post("/staff/verification/A-2001/facts/CATEGORY", Map.of("decision", "ACCEPTED")).statusCode()).isEqualTo(404);
        assertThat(staff.post("/staff/verification/" + DemoData.CHLOE + "/facts/CITIZENSHIP", Map.of("decision", "ACCEPTED")).statusCode())
                .isEqualTo(404);
        assertThat(web.services().profiles().profile(DemoData.CYCLE, DemoData.CHLOE).orElseThrow().checks().status(ProfileFact.CATEGORY)
                .state())
                .isEqualTo(FactStatus.State.AWAITING_VERIFICATION);

        HttpResponse<String> verified = staff.post("/staff/verification/" + DemoData.CHLOE + "/facts/CATEGORY",
                Map.of("decision", "ACCEPTED"));
        assertThat(verified.statusCode()).isEqualTo(302);
        assertThat(verified.headers().firstValue("Location")).hasValue("/staff/verification?decided=ACCEPTED");
        FactStatus status = web.services().profiles().profile(DemoData.CYCLE, DemoData.CHLOE).orElseThrow().checks()
                .status(ProfileFact.CATEGORY);
        assertThat(status.isVerified()).isTrue();
        assertThat(status.verifier()).isEqualTo(Verifier.FACULTY);
        assertThat(status.decidedBy()).isEqualTo("University of British Columbia");
        String after = staff.get("/staff/verification?decided=ACCEPTED").body();
        assertThat(after).contains("The fact is verified under your faculty's name")
                .doesNotContain("data-applicant=\"" + DemoData.CHLOE + "\" data-fact=\"CATEGORY\"")
                .contains("data-applicant=\"" + DemoData.CHLOE + "\" data-fact=\"DEGREE\"");
    }

    @Test
    void theOperatorsApplicantPageListsTheDocumentsWithTheirStatusAndADownloadLink() throws Exception {
        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        String ravi = operator.get("/operator/applicants/A-2025").body();
        assertThat(ravi).contains("id=\"documents\"").contains("passport-ravi-iyer.pdf").contains("md-diploma-ravi-iyer.pdf")
                .contains("data-status=\"AWAITING\"")
                .containsPattern("href=\"/api/v1/cycles/2025-R1/applicants/A-2025/documents/\\d+/file\" download");
        String nadia = operator.get("/operator/applicants/A-2026").body();
        assertThat(nadia).contains("data-status=\"REFUSED\"").contains("Refused by the match operator on")
                .contains("birth certificate from outside Canada");
        assertThat(operator.get("/operator/applicants/A-2001").body()).contains("The applicant has sent no document.");
        assertThat(operator.get("/operator/applicants/" + DemoData.CHLOE).body())
                .contains("id=\"medical-school\">University of British Columbia<");
    }

    @Test
    void theProfilePageOffersTheCanadianFacultiesAsTheMedicalSchool() throws Exception {
        BrowserlessSession chloe = new BrowserlessSession(web.port());
        chloe.signIn("chloe.bergeron@applicant.example", DemoData.PASSWORD);
        String page = chloe.get("/applicant/profile").body();
        assertThat(page).contains("<select id=\"medicalSchool\" name=\"medicalSchool\"")
                .containsPattern("<option value=\"UBC\" selected>\\s*University of British Columbia</option>")
                .contains("<option value=\"MCGILL\"");
    }
}
