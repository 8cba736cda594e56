package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** The operator finds a stream on the programs page and changes its quota; bad values are announced at the field and change nothing. */
@DatabaseTest
class ProgramQuotaPagesTest {

    static final String MCMASTER_IMG = "27039";
    static final LocalDateTime PROGRAM_SELECTION = LocalDateTime.of(2024, 10, 15, 12, 0);
    static final MutableClock clock = new MutableClock(PROGRAM_SELECTION);
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);

    static List<ProgramStream> streams() {
        return web.services().quotas().streams(DemoData.CYCLE);
    }

    static int quota(String streamId) {
        return streams().stream().filter(s -> s.streamId().equals(streamId)).findFirst().orElseThrow().quota();
    }

    static long auditRows() {
        return web.services().database().jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'stream.quota-changed'")
                        .mapTo(Long.class).one());
    }

    static Map<String, String> form(String quota) {
        Map<String, String> form = new HashMap<>(Map.of("faculty", "", "province", "ON", "discipline", "", "q", "McMaster", "page", "1"));
        form.put("quota", quota);
        return form;
    }

    static BrowserlessSession operator() throws Exception {
        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        return operator;
    }

    @Test
    void theOperatorSeesEveryStreamPagedWithTheTotalsByProvince() throws Exception {
        BrowserlessSession operator = operator();
        List<ProgramStream> all = streams();
        int pages = (all.size() + ProgramQuotaRoutes.PAGE_SIZE - 1) / ProgramQuotaRoutes.PAGE_SIZE;
        String first = operator.get("/operator/programs").body();
        assertThat(first).contains("Programs and quotas").contains(all.size() + " streams match · page 1 of " + pages)
                .contains("Positions by province (" + String.format("%,d", all.stream().mapToInt(ProgramStream::quota).sum()))
                .contains("href=\"/operator/programs\"")
                .contains("Next page").doesNotContain("Previous page");
        assertThat(first.split("name=\"quota\"", -1)).hasSize(ProgramQuotaRoutes.PAGE_SIZE + 1);
        assertThat(operator.get("/operator/programs?page=2").body()).contains("page 2 of " + pages).contains("Previous page");

        String ontarioMcMaster = operator.get("/operator/programs?province=ON&q=mcmaster").body();
        long expected = all.stream().filter(s -> s.facultyName().contains("McMaster")).count();
        assertThat(ontarioMcMaster).contains(expected + " streams match").contains("id=\"stream-" + MCMASTER_IMG + "\"");
        ProgramStream mcmaster = all.stream().filter(s -> s.streamId().equals(MCMASTER_IMG)).findFirst().orElseThrow();
        assertThat(operator.get("/operator/programs?faculty=" + mcmaster.facultyId()).body()).contains(expected + " streams match");
        assertThat(operator.get("/operator/programs?discipline=" + mcmaster.disciplineId() + "&q=" + MCMASTER_IMG).body())
                .contains("1 streams match").contains("id=\"stream-" + MCMASTER_IMG + "\"");

        String french = operator.get("/operator/programs?lang=fr&q=" + MCMASTER_IMG).body();
        assertThat(french).contains("Programmes et quotas").contains("<td>" + mcmaster.disciplineName("fr") + "</td>")
                .doesNotContain("<td>" + mcmaster.disciplineName() + "</td>");
    }

    @Test
    void theOperatorChangesAQuotaAndIsToldAndBadValuesAreAnnouncedAtTheField() throws Exception {
        BrowserlessSession operator = operator();
        operator.get("/operator/programs?province=ON&q=McMaster");
        int before = quota(MCMASTER_IMG);
        long audits = auditRows();

        HttpResponse<String> saved = operator.post("/operator/programs/" + MCMASTER_IMG + "/quota", form(String.valueOf(before + 2)));
        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/operator/programs?").contains("province=ON").contains("q=McMaster")
                .contains("changed=" + MCMASTER_IMG);
        assertThat(operator.get(location.replaceFirst("#.*", "")).body())
                .contains("The quota of stream #" + MCMASTER_IMG + " is now " + (before + 2) + ".");
        assertThat(quota(MCMASTER_IMG)).isEqualTo(before + 2);
        assertThat(auditRows()).isEqualTo(audits + 1);

        for (String bad : List.of("abc", "1000", "-1", "2.5", "")) {
            HttpResponse<String> refused = operator.post("/operator/programs/" + MCMASTER_IMG + "/quota", form(bad));
            assertThat(refused.statusCode()).as(bad).isEqualTo(422);
            assertThat(refused.body()).as(bad).contains("role=\"alert\"").contains("Enter a whole number from 0 to 999.")
                    .contains("aria-invalid=\"true\" aria-describedby=\"quota-" + MCMASTER_IMG + "-error\"")
                    .contains("id=\"quota-" + MCMASTER_IMG + "-error\"");
        }
        assertThat(operator.post("/operator/programs/99999/quota", form("3")).statusCode()).isEqualTo(404);
        assertThat(quota(MCMASTER_IMG)).isEqualTo(before + 2);
        assertThat(auditRows()).isEqualTo(audits + 1);

        try {
            clock.set(LocalDateTime.of(2025, 2, 20, 12, 0));
            operator = operator(); // the earlier session has expired by match day
            operator.get("/operator/programs");
            HttpResponse<String> frozen = operator.post("/operator/programs/" + MCMASTER_IMG + "/quota", form("1"));
            assertThat(frozen.statusCode()).isEqualTo(422);
            assertThat(frozen.body()).contains("Quotas can no longer change: the match phase has started.");
            assertThat(quota(MCMASTER_IMG)).isEqualTo(before + 2);
        } finally {
            clock.set(PROGRAM_SELECTION);
        }
    }

    @Test
    void hostileFilterTextIsShownEscapedAndCarriedThroughTheQuotaFormsAndRedirect() throws Exception {
        BrowserlessSession operator = operator();
        for (String hostile : List.of(HostileInputTest.SCRIPT, HostileInputTest.QUOTES, "' OR '1'='1", "%' UNION SELECT 1 --")) {
            HttpResponse<String> page = operator.get("/operator/programs?province=" + HostileInputTest.q(hostile) + "&discipline="
                    + HostileInputTest.q(hostile) + "&faculty=" + HostileInputTest.q(hostile) + "&page=" + HostileInputTest.q(hostile)
                    + "&q=" + HostileInputTest.q(hostile));
            assertThat(page.statusCode()).as(hostile).isEqualTo(200);
            HostileInputTest.assertShownEscaped(page.body(), hostile);
        }
        operator.get("/operator/programs");
        Map<String, String> form = form(String.valueOf(quota(MCMASTER_IMG)));
        form.put("q", HostileInputTest.SCRIPT);
        String location = operator.post("/operator/programs/" + MCMASTER_IMG + "/quota", form).headers().firstValue("Location")
                .orElseThrow();
        assertThat(location).as("the filter is carried encoded").contains("q=" + HostileInputTest.q(HostileInputTest.SCRIPT))
                .doesNotContain("<");
    }

    @Test
    void onlyTheOperator() throws Exception {
        BrowserlessSession applicant = new BrowserlessSession(web.port());
        applicant.signIn("mei.wong@applicant.example", DemoData.PASSWORD);
        assertThat(applicant.get("/operator/programs").statusCode()).isEqualTo(403);
    }
}
