package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.DemoJourney;
import org.residencymatch.store.DatabaseTest;

/**
 * #16 point 4, "really bilingual": signs in as every role of the demo (after the demo's journey, so
 * that rank lists, a couple and registrations exist), switches to French, and walks every page it can
 * reach by GET ({@link FrenchWalk}); it fails on any English interface string. {@link FrenchMatchDayPagesTest}
 * walks match day and the second iteration the same way.
 */
@DatabaseTest
class FrenchPagesTest {

    @RegisterExtension
    static final TestServer web = TestServer.demo();

    /** Applicants in different situations (the couple, a draft list, a case, a refused document, new, not eligible...). */
    static final List<String> APPLICANTS = List.of("A-1001", "A-1002", "A-1008", "A-2001", "A-2002", "A-2003", "A-2005", "A-2007", "A-2025",
            "A-2026");
    static final List<String> OTHERS = List.of(DemoData.OPERATOR_EMAIL, "staff@ubc.example", "aimg@partner.example",
            "bc-cap@partner.example",
            "bci@partner.example");
    @BeforeAll
    static void walkTheDemoYear() throws Exception {
        new DemoJourney(web.services()).catchUp();
        partnersAtWork();
    }

    /**
     * What the partner pages show only after work: BCI commits a new QIMG list (its rows found by name and date
     * of birth, confirmed one by one), the operator makes v1 current again, and BCI leaves a new upload awaiting review.
     */
    private static void partnersAtWork() throws Exception {
        BrowserlessSession bci = web.session();
        bci.signIn("bci@partner.example", DemoData.PASSWORD);
        bci.get("/partner/lists");
        HttpResponse<String> upload = bci.postFile("/partner/lists/QIMG/upload", "bci.csv", qimgFile("A-2004", "A-2022", "A-2005"));
        assertThat(upload.statusCode()).isEqualTo(302);
        String preview = upload.headers().firstValue("Location").orElseThrow();
        for (int row = 2; row <= 4; row++) {
            bci.get(preview);
            assertThat(bci.post(preview + "/rows/" + row + "/review", Map.of("decision", "CONFIRM")).statusCode()).isEqualTo(302);
        }
        bci.get(preview);
        bci.followProgress(bci.post(preview + "/commit", Map.of()).headers().firstValue("Location").orElseThrow());
        BrowserlessSession operator = web.session();
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        operator.get("/partner/lists");
        HttpResponse<String> revert = operator.post("/partner/lists/QIMG/revert", Map.of("toVersion", "1"));
        assertThat(revert.statusCode()).as("revert").isEqualTo(302);
        String after = revert.headers().firstValue("Location").orElseThrow();
        if (after.startsWith("/jobs/")) operator.followProgress(after);
        bci.get("/partner/lists");
        assertThat(bci.postFile("/partner/lists/QIMG/upload", "bci-2.csv", qimgFile("A-2004", "A-2015", "A-2018")).statusCode())
                .isEqualTo(302);
    }

    private static byte[] qimgFile(String... applicantIds) {
        StringBuilder csv = new StringBuilder("Nom de famille;Prénom(s);Date de naissance;Contingent\r\n");
        for (String id : applicantIds) {
            var i = web.services().profiles().identity(id).orElseThrow();
            csv.append(i.familyName()).append(';').append(i.givenNames()).append(';').append(i.dateOfBirth()).append(";Régulier\r\n");
        }
        return csv.toString().getBytes(java.nio.charset.Charset.forName("windows-1252"));
    }

    @Test
    void everyPageReachableByGetAsEveryRoleIsInFrench() throws Exception {
        Set<String> accounts = new LinkedHashSet<>(OTHERS);
        for (String applicantId : APPLICANTS) accounts.add(FrenchWalk.emailOf(web, applicantId));
        FrenchWalk french = new FrenchWalk(web);
        int pages = french.walk(null) + french.walkAll(accounts);
        String report = french.report("french-pages", pages);
        assertThat(pages).as("pages walked").isGreaterThan(100);
        // The pages #16 named, each reached: a partner's preview with rows to review, the revert's preview, the audit
        // log, the reconciliation cases, a verified profile, a receipt.
        for (String page : List.of("bci@partner.example /partner/lists/QIMG/uploads/",
                DemoData.OPERATOR_EMAIL + " /partner/lists/QIMG/revert?toVersion=",
                DemoData.OPERATOR_EMAIL + " /operator/audit", DemoData.OPERATOR_EMAIL + " /operator/cases", "/applicant/profile",
                "/rank-list/receipt")) {
            assertThat(french.walked).as("walked").anyMatch(w -> w.contains(page));
        }
        assertThat(french.actionsWithoutFrenchText()).as("audit actions recorded without a French text").isEmpty();
        assertThat(french.findings).as("English on French pages (%d pages walked):\n%s", pages, report).isEmpty();
    }
}
