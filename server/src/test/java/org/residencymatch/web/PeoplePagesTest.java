package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.application.RankList;
import org.residencymatch.application.RankListReceipt;
import org.residencymatch.demo.DemoData;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.program.StreamType;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * The operator finds a person by name and reads their whole file; whoever submits a rank order list
 * gets its printable confirmation with a receipt code, which the operator can check.
 */
@DatabaseTest
class PeoplePagesTest {

    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);
    static final String MCMASTER_IMG = "27039";
    static String ubcCmgStream, lavalStream;
    static long coupleId;

    @BeforeAll
    static void start() {
        var streams = web.services().quotas().streams(DemoData.CYCLE);
        ubcCmgStream = streams.stream().filter(s -> s.facultyId().equals("UBC") && s.type() == StreamType.CMG).findFirst()
                .map(ProgramStream::streamId).orElseThrow();
        lavalStream = streams.stream().filter(s -> s.facultyId().equals("LAVAL")).findFirst().map(ProgramStream::streamId).orElseThrow();
        web.services().applications().apply(DemoData.CYCLE, 1, "A-2001", MCMASTER_IMG, "test");
        web.services().applications().apply(DemoData.CYCLE, 1, "A-1001", ubcCmgStream, "test");
        web.services().applications().apply(DemoData.CYCLE, 1, "A-1002", ubcCmgStream, "test");
        // Rajesh Patel and Wei Chen match as a couple: he ranks McMaster, she nothing ("no match" on her side).
        web.services().applications().apply(DemoData.CYCLE, 1, "A-2002", MCMASTER_IMG, "test");
        coupleId = web.services().couples().propose(DemoData.CYCLE, 1, "A-2002", "A-2003").id();
        web.services().couples().accept(DemoData.CYCLE, coupleId, "A-2003");
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        web.services().rankLists().saveCoupleList(DemoData.CYCLE, 1, coupleId, List.of(java.util.Arrays.asList(MCMASTER_IMG, null)), true,
                "test");
    }

    static BrowserlessSession signedIn(String email) throws Exception {
        BrowserlessSession session = new BrowserlessSession(web.port());
        session.signIn(email, DemoData.PASSWORD);
        return session;
    }

    @Test
    void theOperatorFindsAnApplicantByANameTypedWithoutAccentsAndOpensTheirFile() throws Exception {
        BrowserlessSession operator = signedIn(DemoData.OPERATOR_EMAIL);
        String results = operator.get("/operator/applicants?q=francois+LEVESQUE").body();
        assertThat(results).contains("<a href=\"/operator/applicants/A-2004\">Lévesque, Jean-François</a>").contains("One applicant found");

        String file = operator.get("/operator/applicants/A-2004").body();
        assertThat(file).contains("Lévesque, Jean-François").contains("jean-francois.levesque@applicant.example")
                .contains("QIMG list, version").contains("QIMG").contains("not released");
        assertThat(file).doesNotContain("??");
        assertThat(operator.get("/operator/applicants/NOBODY").statusCode()).isEqualTo(404);
        assertThat(operator.get("/operator/applicants?q=" + "x".repeat(201)).statusCode()).isEqualTo(400);
    }

    @Test
    void theFileAndTheSearchReadInFrench() throws Exception {
        BrowserlessSession operator = signedIn(DemoData.OPERATOR_EMAIL);
        assertThat(operator.get("/operator/applicants?q=levesque&lang=fr").body()).contains("Trouver un candidat")
                .contains("2 candidats trouvés").doesNotContain("??");
        assertThat(operator.get("/operator/applicants/A-2015?lang=fr").body()).contains("Listes partenaires").contains("en vigueur")
                .doesNotContain("??");
    }

    @Test
    void anApplicantGetsAPrintableReceiptOfTheListTheySubmittedAndTheOperatorChecksItsCode() throws Exception {
        BrowserlessSession amira = signedIn("amira.haddad@applicant.example");
        assertThat(amira.get("/applicant/rank-list/receipt?iteration=1").statusCode()).as("nothing submitted yet").isEqualTo(404);
        amira.get("/applicant/rank-list");
        assertThat(amira.post("/applicant/rank-list", Map.of("item", MCMASTER_IMG, "action", "submit")).statusCode()).isEqualTo(302);
        RankList stored = web.services().rankLists().lists(DemoData.CYCLE, 1, "APPLICANT", "A-2001").inForce().orElseThrow();
        String code = RankListReceipt.shown(RankListReceipt.code(DemoData.CYCLE, 1, stored));

        assertThat(amira.get("/applicant/rank-list").body())
                .contains("/applicant/rank-list/receipt?iteration=1&version=" + stored.version());
        String receipt = amira.get("/applicant/rank-list/receipt?iteration=1&version=" + stored.version()).body();
        assertThat(receipt).contains(code).contains("Haddad, Amira (A-2001)").contains("#" + MCMASTER_IMG)
                .contains(" UTC").contains("(America/Toronto)").contains("One rank, first choice first");
        amira.post("/applicant/rank-list", Map.of("action", "save"));
        assertThat(amira.get("/applicant/rank-list/receipt?iteration=1&version=" + (stored.version() + 1)).statusCode())
                .as("a draft has no receipt").isEqualTo(404);

        BrowserlessSession operator = signedIn(DemoData.OPERATOR_EMAIL);
        String matches = operator.get("/operator/receipts?ownerKind=APPLICANT&ownerId=A-2001&iteration=1&code=" + code.toLowerCase())
                .body();
        assertThat(matches).contains("This code matches submitted version " + stored.version() + " of this list")
                .contains("#" + MCMASTER_IMG);
        String altered = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
        assertThat(operator.get("/operator/receipts?ownerKind=APPLICANT&ownerId=A-2001&iteration=1&code=" + altered).body())
                .contains("This code matches no submitted version of this list");
        assertThat(operator.get("/operator/receipts?ownerKind=APPLICANT&ownerId=A-2001&iteration=1&code=nope").statusCode()).isEqualTo(400);
        String file = operator.get("/operator/applicants/A-2001").body();
        assertThat(file).as("the file shows the receipt of each submitted version").contains(code);
        assertThat(file).as("who saved each version and who acted in the audit trail, by name").contains("Amira Haddad")
                .doesNotContainPattern("user:[0-9]+");
    }

    @Test
    void programStaffGetTheReceiptOfTheirStreamsListWithTheApplicantsNamesAndNoOtherFacultys() throws Exception {
        BrowserlessSession staff = signedIn("staff@ubc.example");
        staff.get("/staff/streams/" + ubcCmgStream);
        assertThat(staff.post("/staff/streams/" + ubcCmgStream + "/rank-list", Map.of("item", "A-1002", "action", "submit")).statusCode())
                .isEqualTo(302);
        assertThat(staff.get("/staff/streams/" + ubcCmgStream).body())
                .contains("/staff/streams/" + ubcCmgStream + "/rank-list/receipt?iteration=1&version=1");
        String receipt = staff.get("/staff/streams/" + ubcCmgStream + "/rank-list/receipt?iteration=1").body();
        RankList stored = web.services().rankLists().lists(DemoData.CYCLE, 1, "STREAM", ubcCmgStream).inForce().orElseThrow();
        assertThat(receipt).contains(RankListReceipt.shown(RankListReceipt.code(DemoData.CYCLE, 1, stored))).contains("(A-1002)");
        assertThat(staff.get("/staff/streams/" + lavalStream + "/rank-list/receipt?iteration=1").statusCode()).isEqualTo(404);
    }

    @Test
    void casesHelpRequestsAndTheAuditLogNameTheApplicantAndLinkToTheirPage() throws Exception {
        // Fatima Benali (A-2005) is missing from BCI's QIMG list in the demo: she has a reconciliation case.
        web.services().help().open(DemoData.CYCLE, "A-2005", 1, "27032", "Why?", "user:1");
        BrowserlessSession operator = signedIn(DemoData.OPERATOR_EMAIL);
        String link = "<a href=\"/operator/applicants/A-2005\">Benali, Fatima (A-2005)</a>";
        assertThat(operator.get("/operator/cases?status=ALL").body()).contains(link);
        assertThat(operator.get("/operator/help?status=ALL").body()).contains(link);
        long caseId = web.services().help().casesOf(DemoData.CYCLE, "A-2005").get(0).id();
        assertThat(operator.get("/operator/help/" + caseId).body()).contains(link);
        web.services().database().jdbi()
                .useTransaction(h -> web.services().auditLog().record(h, "user:1", "applicant.corrected", "applicant:A-2005", null));
        assertThat(operator.get("/operator/audit?target=applicant:A-2005").body()).contains(link);
        assertThat(operator.get("/operator/applicants/A-2005").body()).as("the file lists the case and the help request")
                .contains("/operator/help/" + caseId).contains("/operator/cases?status=ALL#case-");
    }

    @Test
    void bothPartnersOfACoupleGetTheReceiptOfTheirPairedListAndNobodyElse() throws Exception {
        RankList stored = web.services().rankLists().lists(DemoData.CYCLE, 1, "COUPLE", String.valueOf(coupleId)).inForce().orElseThrow();
        String code = RankListReceipt.shown(RankListReceipt.code(DemoData.CYCLE, 1, stored));
        for (String partner : List.of("rajesh.patel@applicant.example", "wei.chen@applicant.example")) {
            String receipt = signedIn(partner).get("/applicant/couple/" + coupleId + "/rank-list/receipt").body();
            assertThat(receipt).contains(code).contains("Patel, Rajesh (A-2002)").contains("Chen, Wei (A-2003)")
                    .contains("#" + MCMASTER_IMG + "  +  —");
        }
        assertThat(signedIn("amira.haddad@applicant.example").get("/applicant/couple/" + coupleId + "/rank-list/receipt").statusCode())
                .isEqualTo(404);
        assertThat(signedIn(DemoData.OPERATOR_EMAIL)
                .get("/operator/receipts?ownerKind=COUPLE&ownerId=" + coupleId + "&iteration=1&code=" + code).body())
                .contains("This code matches submitted version 1 of this list");
    }
}
