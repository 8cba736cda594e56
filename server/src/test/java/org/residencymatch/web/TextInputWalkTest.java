package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.account.Accounts;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;
import org.residencymatch.text.TextInputFilter;
import org.residencymatch.text.TextPolicy;

/**
 * Every free-text field a person can submit, on the pages and through the API, walked with a NUL, a C1
 * control, and a right-to-left override: each is refused with 400 naming the field (in English and French),
 * before its route changes anything, on both databases (a NUL used to be a 500 on PostgreSQL). The walk's
 * list is checked against the forms of the templates and the request bodies of openapi.yaml, so a new
 * field cannot be left out of it unnoticed.
 */
@DatabaseTest
class TextInputWalkTest {

    static Services services;
    static WebServer server;
    static String operatorToken;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CYCLE = DemoData.CYCLE;
    static final String AMIRA = "amira.haddad@applicant.example";

    enum Caller {
        ANONYMOUS_PAGE, APPLICANT_PAGE, OPERATOR_PAGE, ANONYMOUS_API, APPLICANT_API, OPERATOR_API
    }

    /** One field of one request: where it goes, who sends it, and the other fields the request carries. */
    record Input(Caller caller, String method, String path, String field, Map<String, String> others) {
        boolean api() {
            return caller.name().endsWith("API");
        }
    }

    static final String APPLICANT = "/api/v1/cycles/" + CYCLE + "/applicants/{me}";
    static final String ITERATION = "/api/v1/cycles/" + CYCLE + "/iterations/1/applicants/{me}";

    /** Every free-text field, by its form or request body. */
    static final List<Input> INPUTS = List.of(
            // pages
            new Input(Caller.ANONYMOUS_PAGE, "POST", "/login", "email", Map.of("password", "x", "next", "/")),
            new Input(Caller.ANONYMOUS_PAGE, "POST", "/register", "email", Map.of()),
            new Input(Caller.ANONYMOUS_PAGE, "POST", "/register", "givenNames", Map.of()),
            new Input(Caller.ANONYMOUS_PAGE, "POST", "/register", "familyName", Map.of()),
            new Input(Caller.ANONYMOUS_PAGE, "POST", "/register", "dateOfBirth", Map.of()),
            new Input(Caller.ANONYMOUS_PAGE, "POST", "/password/forgot", "email", Map.of()),
            new Input(Caller.ANONYMOUS_PAGE, "POST", "/password/reset", "token", Map.of("password", "a long password")),
            new Input(Caller.APPLICANT_PAGE, "POST", "/applicant/help", "message", Map.of("streamId", "27032")),
            new Input(Caller.APPLICANT_PAGE, "POST", "/applicant/couple", "partner", Map.of()),
            new Input(Caller.APPLICANT_PAGE, "GET", "/applicant/catalogue", "q", Map.of()),
            new Input(Caller.OPERATOR_PAGE, "POST", "/operator/help/1/answer", "body", Map.of()),
            new Input(Caller.OPERATOR_PAGE, "POST", "/operator/cases/1/comment", "body", Map.of()),
            new Input(Caller.OPERATOR_PAGE, "POST", "/operator/cases/1/resolve", "resolution", Map.of()),
            new Input(Caller.OPERATOR_PAGE, "POST", "/operator/accounts", "email", Map.of("role", "OPERATOR")),
            new Input(Caller.OPERATOR_PAGE, "POST", "/operator/accounts", "displayName", Map.of("role", "OPERATOR")),
            new Input(Caller.OPERATOR_PAGE, "POST", "/operator/accounts", "facultyId", Map.of("role", "PROGRAM_STAFF")),
            new Input(Caller.OPERATOR_PAGE, "POST", "/operator/accounts/1/tokens", "label", Map.of()),
            new Input(Caller.OPERATOR_PAGE, "GET", "/operator/programs", "q", Map.of()),
            new Input(Caller.OPERATOR_PAGE, "GET", "/operator/audit", "actor", Map.of()),
            new Input(Caller.OPERATOR_PAGE, "GET", "/operator/audit", "target", Map.of()),
            new Input(Caller.OPERATOR_PAGE, "GET", "/operator/applicants", "q", Map.of()),
            new Input(Caller.OPERATOR_PAGE, "GET", "/operator/receipts", "ownerId",
                    Map.of("ownerKind", "APPLICANT", "code", "AAAAA-AAAAA")),
            new Input(Caller.OPERATOR_PAGE, "GET", "/operator/receipts", "code", Map.of("ownerKind", "APPLICANT", "ownerId", "A-2001")),
            new Input(Caller.OPERATOR_PAGE, "POST", "/operator/match/1/release", "confirm", Map.of()),
            new Input(Caller.OPERATOR_PAGE, "GET", "/operator/match/1/results", "q", Map.of()),
            new Input(Caller.OPERATOR_PAGE, "POST", "/operator/verification/A-2025/documents/1", "reasonEn",
                    Map.of("decision", "REFUSED", "reasonFr", "Non.")),
            new Input(Caller.OPERATOR_PAGE, "POST", "/operator/verification/A-2025/documents/1", "reasonFr",
                    Map.of("decision", "REFUSED", "reasonEn", "No.")),
            // the API
            new Input(Caller.ANONYMOUS_API, "POST", "/api/v1/registrations", "email", Map.of()),
            new Input(Caller.ANONYMOUS_API, "POST", "/api/v1/registrations", "givenNames", Map.of()),
            new Input(Caller.ANONYMOUS_API, "POST", "/api/v1/registrations", "familyName", Map.of()),
            new Input(Caller.ANONYMOUS_API, "POST", "/api/v1/registrations", "dateOfBirth", Map.of()),
            new Input(Caller.ANONYMOUS_API, "POST", "/api/v1/registrations", "language", Map.of()),
            new Input(Caller.ANONYMOUS_API, "POST", "/api/v1/registrations/confirmation", "token", Map.of()),
            new Input(Caller.ANONYMOUS_API, "POST", "/api/v1/session", "email", Map.of("password", "x")),
            new Input(Caller.ANONYMOUS_API, "POST", "/api/v1/session", "language", Map.of("email", AMIRA, "password", "x")),
            new Input(Caller.OPERATOR_API, "PUT", APPLICANT, "familyName", Map.of()),
            new Input(Caller.OPERATOR_API, "PUT", APPLICANT, "givenNames", Map.of()),
            new Input(Caller.OPERATOR_API, "PUT", APPLICANT, "dateOfBirth", Map.of()),
            new Input(Caller.OPERATOR_API, "PUT", APPLICANT, "email", Map.of()),
            new Input(Caller.OPERATOR_API, "PUT", APPLICANT, "minc", Map.of()),
            new Input(Caller.OPERATOR_API, "PUT", APPLICANT, "mccCandidateCode", Map.of()),
            new Input(Caller.OPERATOR_API, "PUT", APPLICANT, "graduationDate", Map.of()),
            new Input(Caller.OPERATOR_API, "PUT", APPLICANT, "latestClinicalActivityDate", Map.of()),
            new Input(Caller.APPLICANT_API, "PUT", APPLICANT + "/profile", "graduationDate", Map.of()),
            new Input(Caller.APPLICANT_API, "PUT", APPLICANT + "/profile", "medicalSchool", Map.of()),
            new Input(Caller.OPERATOR_API, "GET", APPLICANT + "/catalogue", "q", Map.of()),
            new Input(Caller.OPERATOR_API, "GET", "/api/v1/cycles/" + CYCLE + "/applicants", "q", Map.of()),
            new Input(Caller.OPERATOR_API, "POST", "/api/v1/cycles/" + CYCLE + "/cases/1/comments", "body", Map.of()),
            new Input(Caller.OPERATOR_API, "POST", "/api/v1/cycles/" + CYCLE + "/cases/1/resolution", "resolution", Map.of()),
            new Input(Caller.APPLICANT_API, "POST", APPLICANT + "/help-cases", "message", Map.of("streamId", "27032")),
            new Input(Caller.APPLICANT_API, "POST", APPLICANT + "/help-cases", "streamId", Map.of()),
            new Input(Caller.OPERATOR_API, "POST", "/api/v1/cycles/" + CYCLE + "/help-cases/1/answers", "body", Map.of()),
            new Input(Caller.OPERATOR_API, "POST", "/api/v1/cycles/" + CYCLE + "/lists/QIMG/uploads/1/rows/2/review", "decision", Map.of()),
            new Input(Caller.OPERATOR_API, "POST", "/api/v1/cycles/" + CYCLE + "/lists/QIMG/uploads/1/rows/2/review", "applicantId",
                    Map.of("decision", "CONFIRM")),
            new Input(Caller.APPLICANT_API, "POST", ITERATION + "/applications", "streamId", Map.of()),
            new Input(Caller.APPLICANT_API, "POST", ITERATION + "/couples", "partnerApplicantId", Map.of()),
            new Input(Caller.OPERATOR_API, "POST", "/api/v1/accounts", "email", Map.of("role", "OPERATOR")),
            new Input(Caller.OPERATOR_API, "POST", "/api/v1/accounts", "displayName", Map.of("role", "OPERATOR")),
            new Input(Caller.OPERATOR_API, "POST", "/api/v1/accounts", "facultyId", Map.of("role", "PROGRAM_STAFF")),
            new Input(Caller.OPERATOR_API, "POST", "/api/v1/accounts", "partnerBody", Map.of("role", "PARTNER")),
            new Input(Caller.OPERATOR_API, "POST", "/api/v1/accounts/1/tokens", "label", Map.of()),
            new Input(Caller.OPERATOR_API, "PUT", "/api/v1/cycles/" + CYCLE + "/time-zone", "timeZone", Map.of()),
            new Input(Caller.OPERATOR_API, "POST", APPLICANT + "/facts/CATEGORY/decision", "decidedBy", Map.of("decision", "ACCEPTED")),
            new Input(Caller.OPERATOR_API, "POST", "/api/v1/cycles/" + CYCLE + "/iterations/1/match-runs/1/release", "confirm", Map.of()));

    /** What no text field takes: a NUL (PostgreSQL cannot store it), a C1 control, a right-to-left override. */
    static final List<String> REFUSED = List.of("Ada\u0000", "Ada\u0085", "\u202Eada");

    static String me;
    static BrowserlessSession applicantPage, operatorPage;
    static String applicantCookie, applicantCsrf;

    @BeforeAll
    static void start() throws Exception {
        services = TestDemo.start(new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0)));
        server = new WebServer(services, new WebConfig(null, false)).start(0);
        Accounts accounts = new Accounts(services.database().jdbi(), services.clock());
        operatorToken = services.database().jdbi().inTransaction(h -> accounts.issueApiToken(h,
                h.createQuery("SELECT id FROM user_account WHERE email = :e").bind("e", DemoData.OPERATOR_EMAIL).mapTo(Long.class).one(),
                "walk"));
        me = services.database().jdbi()
                .withHandle(h -> h.createQuery("SELECT applicant_id FROM user_account WHERE email = :e").bind("e", AMIRA)
                        .mapTo(String.class).one());
        applicantPage = signedIn(AMIRA);
        operatorPage = signedIn(DemoData.OPERATOR_EMAIL);
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(uri("/api/v1/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + AMIRA + "\",\"password\":\"" + DemoData.PASSWORD + "\"}"))
                .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).isEqualTo(200);
        applicantCsrf = JSON.readTree(session.body()).get("csrfToken").asText();
        applicantCookie = session.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
    }

    static BrowserlessSession signedIn(String email) throws Exception {
        BrowserlessSession browser = new BrowserlessSession(server.port());
        assertThat(browser.signIn(email, DemoData.PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    static URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    @Test
    void everyFreeTextFieldRefusesControlCharactersAndDirectionOverridesNamingTheField() throws Exception {
        List<String> tables = List.of("applicant", "user_account", "api_token", "help_case", "outbox_message", "audit_log");
        Map<String, Long> before = counts(tables);
        for (Input input : INPUTS) {
            for (String value : REFUSED) {
                HttpResponse<String> answer = send(input, value);
                String what = input.method() + " " + input.path() + " " + input.field() + " = "
                        + value.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList();
                assertThat(answer.statusCode()).as(what).isEqualTo(400);
                if (input.api()) {
                    JsonNode error = JSON.readTree(answer.body());
                    assertThat(error.get("code").asText()).as(what).isEqualTo("INVALID_TEXT");
                    assertThat(error.get("field").asText()).as(what).isEqualTo(input.field());
                    JsonNode problem = error.get("problems").get(0);
                    assertThat(problem.get("field").asText()).isEqualTo(input.field());
                    assertThat(problem.get("message").get("en").asText()).as(what).contains("\"" + input.field() + "\"").contains("U+");
                    assertThat(problem.get("message").get("fr").asText()).as(what).contains("« " + input.field() + " »");
                } else {
                    assertThat(answer.body()).as(what).contains("data-field=\"" + input.field() + "\"")
                            .containsAnyOf("The field \"" + input.field() + "\"", "The field &#34;" + input.field() + "&#34;");
                }
            }
        }
        assertThat(counts(tables)).as("nothing was changed").isEqualTo(before);
    }

    @Test
    void aPageAnswersInItsReadersLanguage() throws Exception {
        BrowserlessSession french = new BrowserlessSession(server.port());
        french.get("/login?lang=fr");
        HttpResponse<String> answer = french.post("/login", Map.of("email", "ada\u0000@example.org", "password", "x", "next", "/"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Le champ « email » contient un caractère de contrôle invisible (U+0000)");
    }

    @Test
    void multiLineFieldsKeepTheirLineBreaksAndNamesAreNormalised() throws Exception {
        // A message with line breaks and a tab is taken (the route then runs: 302 to the help requests).
        applicantPage.get("/applicant/help");
        HttpResponse<String> help = applicantPage.post("/applicant/help",
                Map.of("streamId", "27032", "message", "Hello,\r\n\tI cannot apply."));
        assertThat(help.statusCode()).isEqualTo(302);
        List<String> messages = services.database().jdbi()
                .withHandle(h -> h.createQuery("SELECT message FROM help_case WHERE applicant_id = :a")
                        .bind("a", me).mapTo(String.class).list());
        assertThat(messages).contains("Hello,\r\n\tI cannot apply.");
        // A name with zero-width characters and a decomposed accent is stored without them, in NFC.
        String email = "zw-" + System.nanoTime() + "@example.org";
        HttpResponse<String> registered = send(new Input(Caller.ANONYMOUS_API, "POST", "/api/v1/registrations", "givenNames",
                Map.of("email", email)), "Zo\u200B\u00EB");
        assertThat(registered.statusCode()).isEqualTo(202);
        HttpResponse<String> second = send(new Input(Caller.ANONYMOUS_API, "POST", "/api/v1/registrations", "familyName",
                Map.of("email", "nfd-" + email)), "Le\u0301vesque\uFEFF");
        assertThat(second.statusCode()).isEqualTo(202);
        Map<String, Object> stored = services.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT given_names, family_name FROM applicant WHERE email = :e").bind("e", email).mapToMap().one());
        assertThat(stored.get("given_names")).isEqualTo("Zo\u00EB");
        String family = services.database().jdbi().withHandle(h -> h.createQuery("SELECT family_name FROM applicant WHERE email = :e")
                .bind("e", "nfd-" + email).mapTo(String.class).one());
        assertThat(family).isEqualTo("L\u00E9vesque");
    }

    @Test
    void aFieldNameWithAControlCharacterIsRefusedAndShownWithoutIt() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(uri("/api/v1/registrations")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"e\\u0000mail\":\"ada@example.org\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("field").asText()).isEqualTo("e?mail");
    }

    @Test
    void aFormOrJsonBodyIsReadOnlyUpToItsLimit() throws Exception {
        String big = "{\"email\":\"" + "a".repeat(TextInputFilter.MAX_TEXT_BODY) + "\"}";
        HttpResponse<String> answer = http
                .send(HttpRequest.newBuilder(uri("/api/v1/registrations")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(answer.body()).get("code").asText()).isEqualTo("TOO_LARGE");
    }

    /** The walk covers every text field of the forms (templates) and of the request bodies (openapi.yaml). */
    @Test
    void theWalkCoversEveryTextFieldOfEveryFormAndRequestBody() throws Exception {
        Set<String> walked = INPUTS.stream().map(Input::field).collect(Collectors.toCollection(TreeSet::new));
        Set<String> pageFields = new TreeSet<>();
        Pattern element = Pattern.compile("<(input|textarea)\\b([^>]*)>", Pattern.DOTALL);
        try (Stream<Path> templates = Files.walk(Path.of("src/main/jte"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Matcher m = element.matcher(Files.readString(template));
                while (m.find()) {
                    Matcher name = Pattern.compile("name=\"([A-Za-z]+)\"").matcher(m.group(2));
                    Matcher type = Pattern.compile("type=\"([a-z-]+)\"").matcher(m.group(2));
                    String kind = m.group(1).equals("textarea") ? "textarea" : type.find() ? type.group(1) : "text";
                    if (name.find() && Set.of("text", "email", "search", "textarea").contains(kind)) pageFields.add(name.group(1));
                }
            }
        }
        // The registration form's fields come from a list in its template.
        assertThat(Files.readString(Path.of("src/main/jte/account/register.jte"))).contains("givenNames", "familyName", "dateOfBirth");
        assertThat(walked).containsAll(pageFields);

        @SuppressWarnings("unchecked")
        Map<String, Object> openapi = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readValue(Path.of("src/main/resources/openapi.yaml").toFile(), Map.class);
        Set<String> apiFields = new TreeSet<>();
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) openapi.get("components")).get("schemas");
        for (Object item : ((Map<String, Object>) openapi.get("paths")).values()) {
            for (Object operation : ((Map<String, Object>) item).values()) {
                if (!(operation instanceof Map<?, ?> op) || !op.containsKey("requestBody")) continue;
                Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) op.get("requestBody")).get("content");
                Map<String, Object> json = (Map<String, Object>) content.get("application/json");
                if (json == null) continue;
                Map<String, Object> schema = (Map<String, Object>) json.get("schema");
                if (schema.containsKey("$ref"))
                    schema = (Map<String, Object>) schemas.get(String.valueOf(schema.get("$ref")).replace("#/components/schemas/", ""));
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                properties.forEach((name, property) -> {
                    Map<String, Object> p = (Map<String, Object>) property;
                    if ("string".equals(p.get("type")) && !p.containsKey("enum")) apiFields.add(name);
                });
            }
        }
        apiFields.removeIf(name -> TextInputFilter.fieldNamed(name) == TextPolicy.Field.SECRET);
        assertThat(walked).containsAll(apiFields);
    }

    static Map<String, Long> counts(List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table,
                    services.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one()));
        }
        return counts;
    }

    static HttpResponse<String> send(Input input, String value) throws Exception {
        String path = input.path().replace("{me}", me);
        Map<String, String> fields = new LinkedHashMap<>(defaults(input));
        fields.putAll(input.others());
        fields.put(input.field(), value);
        if (!input.api()) {
            BrowserlessSession browser = switch (input.caller()) {
                case APPLICANT_PAGE -> applicantPage;
                case OPERATOR_PAGE -> operatorPage;
                default -> new BrowserlessSession(server.port());
            };
            if (input.method().equals("GET")) return browser.get(path + "?" + form(fields));
            browser.get(input.caller() == Caller.ANONYMOUS_PAGE
                    ? "/login"
                    : input.caller() == Caller.APPLICANT_PAGE ? "/applicant/help" : "/operator/accounts");
            return browser.post(path, fields);
        }
        HttpRequest.Builder request;
        if (input.method().equals("GET")) {
            request = HttpRequest.newBuilder(uri(path + "?" + form(fields))).GET();
        } else {
            String body = fields.entrySet().stream().map(e -> json(e.getKey()) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
            request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").method(input.method(),
                    HttpRequest.BodyPublishers.ofString(body));
        }
        switch (input.caller()) {
            case OPERATOR_API -> request.header("Authorization", "Bearer " + operatorToken);
            case APPLICANT_API -> request.header("Cookie", applicantCookie).header("X-CSRF-Token", applicantCsrf);
            default -> {
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The rest of a request that would otherwise be accepted, so that only the field under test is wrong. */
    static Map<String, String> defaults(Input input) {
        if (input.path().contains("registrations") && !input.path().endsWith("confirmation") || input.path().equals("/register")) {
            return Map.of("email", "walk-" + System.nanoTime() + "@example.org", "password", "a long password", "givenNames", "Ada",
                    "familyName", "Lovelace", "dateOfBirth", "1995-12-10");
        }
        return Map.of();
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(
                e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) out.append(String.format("\\u%04x", (int) c));
            else
                out.append(c);
        }
        return out.append('"').toString();
    }
}
