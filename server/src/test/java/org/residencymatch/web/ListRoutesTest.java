package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.account.Accounts;
import org.residencymatch.applicant.Identity;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;

/** The partner list API over HTTP: who may do what, uploads, problems in the caller's language, commit. */
@DatabaseTest
class ListRoutesTest {

    @RegisterExtension
    static final TestServer web = TestServer.demo();
    static String bci, aimg, operator;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        bci = token("bci@partner.example");
        aimg = token("aimg@partner.example");
        operator = token(DemoData.OPERATOR_EMAIL);
    }

    static String token(String email) {
        Accounts accounts = new Accounts(web.services().database().jdbi(), web.services().clock());
        return web.services().database().jdbi().inTransaction(h -> {
            long id = h.createQuery("SELECT id FROM user_account WHERE email = :e").bind("e", email).mapTo(Long.class).one();
            return accounts.issueApiToken(h, id, "test");
        });
    }

    static HttpResponse<String> send(String token, String method, String path, byte[] body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) request.header("Content-Type", contentType);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private byte[] qimgFile(String... applicantIds) {
        StringBuilder csv = new StringBuilder("Nom de famille;Prénom(s);Date de naissance;Contingent\r\n");
        for (String id : applicantIds) {
            Identity i = web.services().profiles().identity(id).orElseThrow();
            csv.append(i.familyName()).append(';').append(i.givenNames()).append(';').append(i.dateOfBirth()).append(";Régulier\r\n");
        }
        return csv.toString().getBytes(Charset.forName("windows-1252"));
    }

    @Test
    void aPartnerUploadsOnlyItsOwnListAndARefusalIsAudited() throws Exception {
        HttpResponse<String> refused = send(aimg, "POST", "/api/v1/cycles/2025-R1/lists/QIMG/uploads?fileName=q.csv", qimgFile("A-2004"),
                "text/csv");

        assertThat(refused.statusCode()).isEqualTo(403);
        int audited = web.services().database().jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'list.refused'")
                        .mapTo(Integer.class).one());
        assertThat(audited).isPositive();
        assertThat(send(aimg, "GET", "/api/v1/cycles/2025-R1/lists/QIMG/versions", null, null).statusCode()).isEqualTo(403);
        assertThat(send(aimg, "GET", "/api/v1/cycles/2025-R1/lists/AIMG/versions", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void bciUploadsPreviewsReviewsAndCommitsItsList() throws Exception {
        HttpResponse<String> upload = send(bci, "POST", "/api/v1/cycles/2025-R1/lists/QIMG/uploads?fileName=bci.csv",
                qimgFile("A-2004", "A-2015", "A-2022", "A-2018", "A-2005"), "text/csv");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        JsonNode preview = json.readTree(upload.body());
        long uploadId = preview.get("uploadId").asLong();
        assertThat(preview.get("encoding").asText()).isEqualTo("windows-1252");
        // Without keys, name + date of birth only gives probable matches: a person confirms each.
        assertThat(preview.get("awaitingReview").asInt()).isEqualTo(5);
        assertThat(send(bci, "POST", "/api/v1/cycles/2025-R1/lists/QIMG/uploads/" + uploadId + "/commit", null, null).statusCode())
                .isEqualTo(409);

        JsonNode rows = json.readTree(
                send(bci, "GET", "/api/v1/cycles/2025-R1/lists/QIMG/uploads/" + uploadId + "/rows?outcome=PROBABLE", null, null).body());
        for (JsonNode row : rows.get("rows")) {
            HttpResponse<String> reviewed = send(bci, "POST",
                    "/api/v1/cycles/2025-R1/lists/QIMG/uploads/" + uploadId + "/rows/" + row.get("row").asInt() + "/review",
                    "{\"decision\":\"CONFIRM\"}".getBytes(StandardCharsets.UTF_8), "application/json");
            assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        }
        HttpResponse<String> commit = send(bci, "POST", "/api/v1/cycles/2025-R1/lists/QIMG/uploads/" + uploadId + "/commit", null, null);

        assertThat(commit.statusCode()).as(commit.body()).isEqualTo(200);
        assertThat(json.readTree(commit.body()).get("version").asInt()).isEqualTo(2);
        HttpResponse<String> file = send(bci, "GET", "/api/v1/cycles/2025-R1/lists/QIMG/uploads/" + uploadId + "/file", null, null);
        assertThat(file.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"bci.csv\"");
        JsonNode versions = json.readTree(send(operator, "GET", "/api/v1/cycles/2025-R1/lists/QIMG/versions", null, null).body());
        assertThat(versions.get("versions").get(0).get("version").asInt()).isEqualTo(2);

        HttpResponse<String> again = send(bci, "POST", "/api/v1/cycles/2025-R1/lists/QIMG/uploads?fileName=bci-again.csv",
                qimgFile("A-2004", "A-2015", "A-2022", "A-2018", "A-2005"), "text/csv");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"identicalToCurrent\":true");
    }

    @Test
    void aRefusedFileListsEveryProblemInTheCallersLanguage() throws Exception {
        byte[] bad = "Nom de famille;Prénom(s);Date de naissance;Contingent\r\nTremblay;Émilie;03/04/1990;Particulier\r\n"
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = send(bci, "POST", "/api/v1/cycles/2025-R1/lists/QIMG/uploads?fileName=bad.csv&lang=fr", bad,
                "text/csv");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("message").asText()).contains("rien n’a été modifié");
        assertThat(body.get("problems")).extracting(p -> p.get("code").asText()).containsExactlyInAnyOrder("AMBIGUOUS_DATE",
                "PARTICULIER_ON_QIMG");
        assertThat(body.get("problems")).allSatisfy(p -> assertThat(p.get("row").asInt()).isEqualTo(2));
        assertThat(body.get("problems").get(0).get("message").asText()).contains("03/04/1990");
    }

    @Test
    void theMembersExportNeutralisesFormulasAndTheOperatorCanReadIt() throws Exception {
        web.services().database().jdbi()
                .useHandle(h -> h.execute("UPDATE list_membership SET assessment_outcome = '=cmd|calc' WHERE kind = 'BCIMG'"));

        HttpResponse<String> export = send(operator, "GET", "/api/v1/cycles/2025-R1/lists/BCIMG/versions/1/members.csv", null, null);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains("A-2003,CAMD-").contains(",'=cmd|calc").doesNotContain(",=cmd");
        assertThat(send(bci, "GET", "/api/v1/cycles/2025-R1/lists/BCIMG/versions/1/members.csv", null, null).statusCode()).isEqualTo(403);
        assertThat(send(operator, "GET", "/api/v1/cycles/2025-R1/lists/BCIMG/versions/9/members.csv", null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theTemplateHasTheColumnsOfTheListKind() throws Exception {
        HttpResponse<String> template = send(aimg, "GET", "/api/v1/cycles/2025-R1/lists/AIMG/template.csv", null, null);

        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.body()).contains("Family name,Given names,Date of birth,MMI score").doesNotContain("Contingent");
    }

    @Test
    void theFrenchTemplateIsWhatFrenchExcelOpensAndIsReadBack() throws Exception {
        HttpResponse<String> template = send(bci, "GET", "/api/v1/cycles/2025-R1/lists/QIMG/template.csv?lang=fr", null, null);

        assertThat(template.body())
                .isEqualTo("\uFEFFNuméro de candidat;NIMC;Code de candidat du CMC;Nom de famille;Prénoms;Date de naissance;Contingent\r\n"
                        + "EXEMPLE;;;EXEMPLE - supprimez cette ligne;Marie Claire;1990-01-31;Régulier\r\n");
        // The example row left in: the file is refused, naming the row.
        HttpResponse<String> example = send(bci, "POST", "/api/v1/cycles/2025-R1/lists/QIMG/uploads?fileName=modele.csv",
                template.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        assertThat(example.statusCode()).as(example.body()).isEqualTo(400);
        assertThat(example.body()).contains("EXAMPLE_ROW");
        // Filled in as a partner would (the example replaced), every header is recognised: the row is read, not refused for a missing column.
        String header = template.body().lines().findFirst().orElseThrow() + "\r\n";
        byte[] filled = (header + ";;;Tremblay;Luc;1990-04-13;Régulier\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> upload = send(bci, "POST", "/api/v1/cycles/2025-R1/lists/QIMG/uploads?fileName=modele.csv", filled,
                "text/csv");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        assertThat(json.readTree(upload.body()).get("outcomes").get("UNMATCHED").asInt()).isEqualTo(1);

        HttpResponse<String> german = send(bci, "GET", "/api/v1/cycles/2025-R1/lists/QIMG/template.csv?lang=de", null, null);
        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(json.readTree(german.body()).get("field").asText()).isEqualTo("lang");
    }

    @Test
    void theExcelTemplateHasTheFrenchColumnsAndIsReadBackAsAList() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + web.port()
                + "/api/v1/cycles/2025-R1/lists/QIMG/template.xlsx?lang=fr"))
                .header("Authorization", "Bearer " + bci).GET().build();
        HttpResponse<byte[]> template = http.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        org.residencymatch.tabular.Table table = org.residencymatch.tabular.TableReader.read("modele.xlsx", template.body());
        assertThat(table.headers()).containsExactly("Numéro de candidat", "NIMC", "Code de candidat du CMC", "Nom de famille", "Prénoms",
                "Date de naissance", "Contingent");
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).cells()).startsWith("EXEMPLE");
    }
}
