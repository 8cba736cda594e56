package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.account.Accounts;
import org.residencymatch.demo.DemoData;
import org.residencymatch.lists.UploadRow;
import org.residencymatch.reconciliation.CaseStatus;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * Hostile text through every free-text input: SQL injection attempts reach the database only as bound
 * parameters (the text is refused with a specific error, or stored and shown back literally, and no
 * table loses or gains a row it should not), and markup is shown escaped on every page that shows it
 * (stored XSS), also where it is echoed in a form.
 */
@DatabaseTest
class HostileInputTest {

    static final List<String> SQL = List.of(
            "'; DROP TABLE applicant; --",
            "' OR '1'='1",
            "' OR 1=1 --",
            "\" OR \"\"=\"",
            "1; DELETE FROM web_session",
            "%' UNION SELECT email, password_hash FROM user_account --",
            "\\'; SELECT pg_sleep(5); --",
            "Robert'); DROP TABLE list_version;--");
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String QUOTES = "O'Brien-Lévesque \"<b>";
    static final List<String> MARKUP = List.of(SCRIPT, QUOTES);

    @RegisterExtension
    static final TestServer web = TestServer.demo(new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0)));
    static String operatorToken;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        // The demo's own date: program selection, when profiles may change.
        Accounts accounts = new Accounts(web.services().database().jdbi(), web.services().clock());
        operatorToken = web.services().database().jdbi().inTransaction(h -> accounts.issueApiToken(h,
                h.createQuery("SELECT id FROM user_account WHERE email = :e").bind("e", DemoData.OPERATOR_EMAIL).mapTo(Long.class).one(),
                "hostile"));
    }

    static BrowserlessSession signedIn(String email) throws Exception {
        BrowserlessSession browser = new BrowserlessSession(web.port());
        assertThat(browser.signIn(email, DemoData.PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    /** As the JTE templates escape text in HTML content: quotes are harmless there. */
    static String escapedContent(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** As the JTE templates escape text in an attribute value: quotes too, so it cannot end the attribute. */
    static String escapedAttribute(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&#34;").replace("'", "&#39;");
    }

    /** The page shows the text escaped for where it stands, and never as markup. */
    static void assertShownEscaped(String html, String text) {
        assertThat(html).containsAnyOf(escapedContent(text), escapedAttribute(text));
        if (text.contains("<")) assertThat(html).doesNotContain(text);
        if (text.contains("\"")) assertThat(html).as("a quote that ends an attribute").doesNotContain("=\"" + text);
    }

    static long count(String table) {
        return web.services().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    static HttpResponse<String> api(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + path))
                .header("Authorization", "Bearer " + operatorToken).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void hostileSignInEmailsAreRefusedAsWrongAndEchoedEscaped() throws Exception {
        long sessionsBefore = count("web_session");
        for (String hostile : List.of("amira.haddad@applicant.example' --", "' OR '1'='1", "' OR 1=1 --", SCRIPT, QUOTES)) {
            BrowserlessSession browser = new BrowserlessSession(web.port());
            HttpResponse<String> login = browser.signIn(hostile, "' OR '1'='1");
            assertThat(login.statusCode()).as(hostile).isEqualTo(401);
            assertShownEscaped(login.body(), hostile);
            assertThat(browser.get("/applicant/catalogue").statusCode()).as("not signed in after " + hostile).isEqualTo(302);
        }
        assertThat(count("web_session")).as("visitors who are not signed in get no session").isEqualTo(sessionsBefore);
    }

    @Test
    void catalogueSearchAndFiltersTakeHostileTextAsText() throws Exception {
        BrowserlessSession amira = signedIn("amira.haddad@applicant.example");
        for (String hostile : concat(SQL, MARKUP)) {
            HttpResponse<String> page = amira.get("/applicant/catalogue?q=" + q(hostile));
            assertThat(page.statusCode()).as(hostile).isEqualTo(200);
            assertShownEscaped(page.body(), hostile);

            // The search looks for words in the catalogue: the quotes, dashes and keywords of an
            // injection are words and punctuation like any other, finding what the words alone find.
            HttpResponse<String> api = api("GET", "/api/v1/cycles/2025-R1/applicants/A-2001/catalogue?pageSize=1&q=" + q(hostile), null);
            HttpResponse<String> words = api("GET", "/api/v1/cycles/2025-R1/applicants/A-2001/catalogue?pageSize=1&q="
                    + q(hostile.replaceAll("[^\\p{L}\\p{N}]+", " ")), null);
            assertThat(api.statusCode()).as(hostile).isEqualTo(200);
            assertThat(total(api.body())).as(hostile).isEqualTo(total(words.body()));
            HttpResponse<String> filter = api("GET", "/api/v1/cycles/2025-R1/applicants/A-2001/catalogue?province=" + q(hostile), null);
            assertThat(filter.statusCode()).as(hostile).isEqualTo(400);
            assertThat(filter.body()).contains("\"field\":\"province\"");
            HttpResponse<String> pageFilter = amira.get("/applicant/catalogue?province=" + q(hostile) + "&discipline=" + q(hostile));
            assertThat(pageFilter.statusCode()).as(hostile).isBetween(200, 499);
            assertThat(pageFilter.body()).doesNotContain(hostile);
        }
        assertThat(count("program_stream")).isEqualTo(815);
    }

    @Test
    void caseCommentsAndResolutionsAreStoredLiterallyAndShownEscaped() throws Exception {
        long caseId = web.services().reconciliation().cases(DemoData.CYCLE, CaseStatus.OPEN).get(0).id();
        BrowserlessSession operator = signedIn(DemoData.OPERATOR_EMAIL);
        operator.get("/operator/cases");
        List<String> texts = concat(SQL, MARKUP);
        for (String text : texts) {
            assertThat(operator.post("/operator/cases/" + caseId + "/comment", Map.of("body", text)).statusCode()).as(text).isEqualTo(302);
            HttpResponse<String> api = api("POST", "/api/v1/cycles/2025-R1/cases/" + caseId + "/comments", "{\"body\":" + json(text) + "}");
            assertThat(api.statusCode()).as(text).isEqualTo(201);
        }
        var comments = web.services().reconciliation().find(DemoData.CYCLE, caseId).orElseThrow().comments();
        for (String text : texts) {
            assertThat(comments).filteredOn(c -> c.body().equals(text)).as(text).hasSize(2);
        }
        String html = operator.get("/operator/cases").body();
        for (String text : MARKUP) assertShownEscaped(html, text);

        assertThat(operator.post("/operator/cases/" + caseId + "/resolve", Map.of("resolution", SQL.get(0) + " " + SCRIPT)).statusCode())
                .isEqualTo(302);
        assertThat(web.services().reconciliation().find(DemoData.CYCLE, caseId).orElseThrow().resolution())
                .isEqualTo(SQL.get(0) + " " + SCRIPT);
        assertShownEscaped(operator.get("/operator/cases?status=RESOLVED").body(), SQL.get(0) + " " + SCRIPT);
        assertThat(count("applicant")).isPositive();
    }

    @Test
    void caseAndAuditFiltersRefuseHostileText() throws Exception {
        BrowserlessSession operator = signedIn(DemoData.OPERATOR_EMAIL);
        for (String hostile : concat(SQL, MARKUP)) {
            HttpResponse<String> api = api("GET", "/api/v1/cycles/2025-R1/cases?status=" + q(hostile), null);
            assertThat(api.statusCode()).as(hostile).isEqualTo(400);
            HttpResponse<String> page = operator.get("/operator/cases?status=" + q(hostile));
            assertThat(page.statusCode()).as(hostile).isEqualTo(400);
            assertThat(page.body()).doesNotContain(hostile);
            assertThat(api("GET", "/api/v1/cycles/" + q(hostile) + "/cases", null).statusCode()).as(hostile).isEqualTo(404);
        }
    }

    @Test
    void auditLogFiltersTakeHostileTextAsText() throws Exception {
        BrowserlessSession operator = signedIn(DemoData.OPERATOR_EMAIL);
        long entries = count("audit_log");
        for (String hostile : concat(SQL, MARKUP)) {
            String filters = "actor=" + q(hostile) + "&action=" + q(hostile) + "&target=" + q(hostile);
            HttpResponse<String> api = api("GET", "/api/v1/audit?" + filters, null);
            assertThat(api.statusCode()).as(hostile).isEqualTo(200);
            assertThat(api.body()).as(hostile).contains("\"total\":0");
            HttpResponse<String> page = operator.get("/operator/audit?" + filters);
            assertThat(page.statusCode()).as(hostile).isEqualTo(200);
            assertShownEscaped(page.body(), hostile);
            assertThat(api("GET", "/api/v1/audit?from=" + q(hostile), null).statusCode()).as(hostile).isEqualTo(400);
            HttpResponse<String> badDate = operator.get("/operator/audit?to=" + q(hostile));
            assertThat(badDate.statusCode()).as(hostile).isEqualTo(400);
            assertThat(badDate.body()).doesNotContain(hostile);
        }
        assertThat(count("audit_log")).as("reading changes nothing").isEqualTo(entries);
    }

    @Test
    void listFileCellsAndFileNamesAreStoredLiterallyAndShownEscaped() throws Exception {
        BrowserlessSession bci = signedIn("bci@partner.example");
        bci.get("/partner/lists");
        StringBuilder csv = new StringBuilder("Nom de famille;Prénom(s);Date de naissance;Contingent\r\n");
        List<String> names = concat(SQL, MARKUP);
        // A date of birth of its own per row: some names are the same person once punctuation is set aside.
        for (int i = 0; i < names.size(); i++) {
            csv.append(csvField(names.get(i))).append(';').append(csvField(QUOTES)).append(";1990-01-").append(10 + i)
                    .append(";Régulier\r\n");
        }
        long membersBefore = count("list_membership");

        HttpResponse<String> upload = bci.postFile("/partner/lists/QIMG/upload", SCRIPT + ".csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
        String previewPath = upload.headers().firstValue("Location").orElseThrow();
        long uploadId = Long.parseLong(previewPath.replaceAll(".*/uploads/(\\d+).*", "$1"));

        List<UploadRow> rows = web.services().listUploads().rows(DemoData.CYCLE, uploadId, null);
        assertThat(rows).extracting(UploadRow::familyName).containsAll(names);
        assertThat(rows).extracting(UploadRow::givenNames).containsOnly(QUOTES);
        String preview = bci.get(previewPath).body();
        assertShownEscaped(preview, SCRIPT + ".csv");
        for (String name : MARKUP) assertShownEscaped(preview, name);
        assertShownEscaped(bci.get("/partner/lists").body(), SCRIPT + ".csv");

        HttpResponse<String> api = api("POST", "/api/v1/cycles/2025-R1/lists/QIMG/uploads?fileName=" + q(SQL.get(0)), csv.toString());
        assertThat(api.statusCode()).isEqualTo(201);
        assertThat(api.body()).contains("\"fileName\":" + json(SQL.get(0)));
        assertThat(count("list_membership")).as("nothing committed").isEqualTo(membersBefore);
        assertThat(web.services().listUploads().rawFile(DemoData.CYCLE, uploadId).fileName()).isEqualTo(SCRIPT + ".csv");
    }

    @Test
    void registrationNamesAreStoredLiterallyAndEchoedEscaped() throws Exception {
        int n = 0;
        for (String name : concat(SQL, MARKUP)) {
            BrowserlessSession browser = new BrowserlessSession(web.port());
            browser.get("/register");
            String email = "hostile" + (n++) + "@applicant.example";
            // Without a date of birth the form comes back, with the names as typed.
            HttpResponse<String> refused = browser.post("/register", Map.of("email", email, "password", "long-enough-password",
                    "givenNames", name, "familyName", name, "dateOfBirth", ""));
            assertThat(refused.statusCode()).as(name).isEqualTo(422);
            assertShownEscaped(refused.body(), name);

            HttpResponse<String> registered = browser.post("/register", Map.of("email", email, "password", "long-enough-password",
                    "givenNames", name, "familyName", name, "dateOfBirth", "1990-05-01"));
            assertThat(registered.statusCode()).as(name).isEqualTo(200);
            String stored = web.services().database().jdbi()
                    .withHandle(h -> h.createQuery("SELECT family_name FROM applicant WHERE email = :e")
                            .bind("e", email).mapTo(String.class).one());
            assertThat(stored).isEqualTo(name);
        }
        assertThat(count("applicant")).isGreaterThan(n);
    }

    @Test
    void operatorAccountNamesAndTokenLabelsAreStoredLiterallyAndShownEscaped() throws Exception {
        BrowserlessSession operator = signedIn(DemoData.OPERATOR_EMAIL);
        int n = 0;
        for (String name : concat(SQL, MARKUP)) {
            operator.get("/operator/accounts");
            String email = "staff" + (n++) + "@hostile.example";
            HttpResponse<String> created = operator.post("/operator/accounts", Map.of("email", email, "displayName", name,
                    "password", "long-enough-password", "role", "OPERATOR"));
            assertThat(created.statusCode()).as(name).isEqualTo(302);
            long userId = web.services().database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM user_account WHERE email = :e")
                    .bind("e", email).mapTo(Long.class).one());
            operator.get("/operator/accounts");
            assertThat(operator.post("/operator/accounts/" + userId + "/tokens", Map.of("label", name)).statusCode()).as(name)
                    .isEqualTo(302);
        }
        String html = operator.get("/operator/accounts").body();
        for (String name : MARKUP) assertShownEscaped(html, name);
        List<String> stored = web.services().database().jdbi()
                .withHandle(h -> h.createQuery("SELECT display_name FROM user_account WHERE email LIKE '%@hostile.example'")
                        .mapTo(String.class).list());
        assertThat(stored).containsExactlyInAnyOrderElementsOf(concat(SQL, MARKUP));
    }

    @Test
    void profileChoicesRefuseHostileTextAndChangeNothing() throws Exception {
        BrowserlessSession amira = signedIn("amira.haddad@applicant.example");
        var before = web.services().profiles().profile(DemoData.CYCLE, "A-2001").orElseThrow();
        for (String hostile : concat(SQL, MARKUP)) {
            amira.get("/applicant/profile");
            HttpResponse<String> saved = amira.post("/applicant/profile", Map.of("category", hostile, "studyStatus", hostile,
                    "graduationDate", hostile, "ontarioHighSchoolYears", hostile, "provincialTie", hostile));
            assertThat(saved.statusCode()).as(hostile).isEqualTo(422);
            assertThat(saved.body()).doesNotContain(hostile);
        }
        assertThat(web.services().profiles().profile(DemoData.CYCLE, "A-2001").orElseThrow()).isEqualTo(before);
    }

    static int total(String catalogueJson) {
        var m = java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(catalogueJson);
        assertThat(m.find()).as(catalogueJson).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static String csvField(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
