package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** The operator reads the audit log with filters, pages through it keeping them, and exports what they filtered. */
@DatabaseTest
class AuditPagesTest {

    static final String HOSTILE = "<script>alert(1)</script> O'Brien \"x\"";
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);

    @BeforeAll
    static void start() {
        // 55 uploads of one list over 55 days, then one entry whose details would be markup and a formula.
        for (int day = 0; day < 55; day++) {
            clock.set(LocalDateTime.of(2024, 11, 1, 9, 0).plusDays(day));
            int version = day + 1;
            web.services().database().jdbi().useTransaction(h -> web.services().auditLog().record(h, "bci@partner.example", "t.uploaded",
                    "t:2025-R1/QIMG/v" + version, "members " + version));
        }
        clock.set(LocalDateTime.of(2025, 1, 10, 8, 30));
        web.services().database().jdbi().useTransaction(h -> web.services().auditLog().record(h, "operator@demo.example", "t.commented",
                "t:case/1", "=HYPERLINK(\"x\") " + HOSTILE));
    }

    static BrowserlessSession operator() throws Exception {
        BrowserlessSession operator = new BrowserlessSession(web.port());
        assertThat(operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD).statusCode()).isEqualTo(302);
        return operator;
    }

    @Test
    void theOperatorFiltersAndPagesKeepingTheFiltersNewestFirst() throws Exception {
        BrowserlessSession operator = operator();
        assertThat(operator.get("/operator/dashboard").body()).as("the nav links the page").contains("href=\"/operator/audit\"");

        String first = operator.get("/operator/audit?action=t.&target=t%3A2025-R1%2FQIMG").body();
        assertThat(first).contains("<label for=\"actor\">").contains("<select id=\"action\" name=\"action\">")
                .contains("<option value=\"t.uploaded\"").contains("<option value=\"t.\" selected>Every t. action</option>")
                .contains("55 entries").contains("Page 1 of 2")
                .contains("t:2025-R1/QIMG/v55").contains("t:2025-R1/QIMG/v6").doesNotContain("t:2025-R1/QIMG/v5<")
                .doesNotContain("t:case/1");
        assertThat(first.indexOf("QIMG/v55")).as("newest first").isLessThan(first.indexOf("QIMG/v54"));
        String next = "/operator/audit?action=t.&amp;target=t%3A2025-R1%2FQIMG&amp;page=2&amp;pageSize=50";
        assertThat(first).as("the next page keeps the filters").contains("href=\"" + next + "\"")
                .contains("href=\"/operator/audit.csv?action=t.&amp;target=t%3A2025-R1%2FQIMG\"");

        String second = operator.get(next.replace("&amp;", "&")).body();
        assertThat(second).contains("Page 2 of 2").contains("t:2025-R1/QIMG/v5<").contains("t:2025-R1/QIMG/v1<")
                .doesNotContain("QIMG/v6<").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        String days = operator.get("/operator/audit?actor=bci%40partner.example&from=2024-11-03&to=2024-11-04").body();
        assertThat(days).as("both days whole").contains("2 entries").contains("QIMG/v3<").contains("QIMG/v4<")
                .contains("value=\"2024-11-03\"").contains("value=\"bci@partner.example\"");

        String none = operator.get("/operator/audit?actor=nobody").body();
        assertThat(none).contains("No audit entry matches these filters.").doesNotContain("<table");
    }

    @Test
    void entriesAreShownEscapedAndExportedFormulaSafe() throws Exception {
        BrowserlessSession operator = operator();
        String page = operator.get("/operator/audit?target=t%3Acase%2F").body();
        assertThat(page).contains("One entry").doesNotContain("<script>alert(1)")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        HttpResponse<String> csv = operator.get("/operator/audit.csv?target=t%3Acase%2F");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body().lines().toList()).containsExactly(
                "\uFEFFTime (UTC),Actor,Action,Target,Details",
                "2025-01-10T08:30,operator@demo.example,t.commented,t:case/1,\"'=HYPERLINK(\"\"x\"\") <script>alert(1)</script> O'Brien \"\"x\"\"\"");
    }

    @Test
    void badFiltersAreRefusedAndOnlyTheOperatorSeesTheLog() throws Exception {
        BrowserlessSession operator = operator();
        HttpResponse<String> badDate = operator
                .get("/operator/audit?from=" + java.net.URLEncoder.encode(HOSTILE, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("<p id=\"error-field\">The field to correct: From (UTC)</p>")
                .doesNotContain("<script>alert(1)");
        assertThat(operator.get("/operator/audit?pageSize=500").statusCode()).isEqualTo(400);

        BrowserlessSession applicant = new BrowserlessSession(web.port());
        applicant.signIn("fatima.benali@applicant.example", DemoData.PASSWORD);
        assertThat(applicant.get("/operator/audit").statusCode()).isEqualTo(403);
        assertThat(applicant.get("/operator/audit.csv").statusCode()).isEqualTo(403);
        assertThat(new BrowserlessSession(web.port()).get("/operator/audit").statusCode()).as("to sign in").isEqualTo(302);
    }
}
