package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.applicant.Identity;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.store.DatabaseTest;

/** A partner body's pages, as a person uses them: upload, preview, review, commit; the operator's revert. */
@DatabaseTest
class PartnerPagesTest {

    @RegisterExtension
    static final TestServer web = TestServer.demo();

    private static byte[] frenchExcelQimg(String... applicantIds) {
        StringBuilder csv = new StringBuilder("Nom de famille;Prénom(s);Date de naissance;Contingent\r\n");
        for (String id : applicantIds) {
            Identity i = web.services().profiles().identity(id).orElseThrow();
            csv.append(i.familyName()).append(';').append(i.givenNames()).append(';').append(i.dateOfBirth()).append(";Régulier\r\n");
        }
        return csv.toString().getBytes(Charset.forName("windows-1252"));
    }

    @Test
    void bciUploadsReviewsAndCommitsItsListAndTheApplicantCanThenSelectQuebecPrograms() throws Exception {
        BrowserlessSession bci = new BrowserlessSession(web.port());
        bci.signIn("bci@partner.example", DemoData.PASSWORD);
        assertThat(bci.get("/").headers().firstValue("Location")).hasValue("/partner/lists");
        String lists = bci.get("/partner/lists").body();
        assertThat(lists).contains("QIMG").doesNotContain("list-AIMG");

        HttpResponse<String> upload = bci.postFile("/partner/lists/QIMG/upload", "bci.csv",
                frenchExcelQimg("A-2004", "A-2015", "A-2022", "A-2018", "A-2005"));
        assertThat(upload.statusCode()).isEqualTo(302);
        String previewPath = upload.headers().firstValue("Location").orElseThrow();
        String preview = bci.get(previewPath).body();
        assertThat(preview).contains("Lévesque").contains("Rows to review: 5");
        // The reviewer sees each candidate's registered identity, and those already on the list are not
        // called removed while their rows await review.
        Identity candidate = web.services().profiles().identity("A-2005").orElseThrow();
        assertThat(preview).contains("A-2005 — " + candidate.familyName()).contains(String.valueOf(candidate.dateOfBirth()));
        String a2004 = web.services().directory().names(java.util.List.of("A-2004")).get("A-2004");
        assertThat(preview).containsPattern("Removed:\\s+" + java.util.regex.Pattern.quote(a2004)
                + " \\(A-2004\\)\\s+\\(unless row \\d, awaiting review, is confirmed\\)");
        for (int row = 2; row <= 6; row++) {
            bci.get(previewPath);
            assertThat(bci.post(previewPath + "/rows/" + row + "/review", Map.of("decision", "CONFIRM")).statusCode()).isEqualTo(302);
        }
        bci.get(previewPath);
        HttpResponse<String> commit = bci.post(previewPath + "/commit", Map.of());

        // The commit runs in the background; its progress page sends the browser on to the result.
        String progress = commit.headers().firstValue("Location").orElseThrow();
        assertThat(progress).matches("/jobs/\\d+");
        assertThat(bci.followProgress(progress)).isEqualTo("/partner/lists?notice=committed-QIMG-2");
        assertThat(bci.get("/partner/lists?notice=committed-QIMG-2").body()).contains("Version v2 of the QIMG list is now current.");
        assertThat(web.services().catalogue().explain(DemoData.CYCLE, "A-2005", "27032", 1).decision().decision())
                .isEqualTo(Decision.SELECTABLE);

        // Going back to an older version takes a second, deliberate click that says what it does.
        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        assertThat(operator.get("/partner/lists").body())
                .contains("href=\"/partner/lists/QIMG/revert?toVersion=1\">Make v1 current again</a>")
                .doesNotContain("Yes, make v1 current again");
        // Before confirming, the operator reads who the revert takes off the list and who loses eligibility, where.
        String revert = operator.get("/partner/lists/QIMG/revert?toVersion=1").body();
        assertThat(revert).contains("Version v3 will be made from the members of v1").contains("Yes, make v1 current again")
                .contains("none added, 1 removed, no details changed.").contains("Who gains or loses eligibility");
        String fatima = revert.substring(revert.indexOf("<tr id=\"shift-A-2005\">"));
        fatima = fatima.substring(0, fatima.indexOf("</tr>"));
        assertThat(fatima).as("Fatima, put on the list by v2, would lose Québec's streams again")
                .contains("Benali, Fatima (A-2005)").containsPattern("<td>—</td>\\s*<td><span class=\"province\">Québec</span>\\s*</td>");
        int current = web.services().database().jdbi().withHandle(h -> web.services().lists().currentVersion(h, DemoData.CYCLE,
                org.residencymatch.eligibility.ListKind.QIMG));
        assertThat(current).as("a preview changes nothing").isEqualTo(2);
    }

    /** The QIMG list of these applicants with their dates of birth written in {@code pattern}, as a spreadsheet exports them. */
    private static byte[] qimgWithDates(String pattern, String... applicantIds) {
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern(pattern);
        StringBuilder csv = new StringBuilder("Nom de famille;Prénom(s);Date de naissance;Contingent\r\n");
        for (String id : applicantIds) {
            Identity i = web.services().profiles().identity(id).orElseThrow();
            csv.append(i.familyName()).append(';').append(i.givenNames()).append(';').append(format.format(i.dateOfBirth()))
                    .append(";Régulier\r\n");
        }
        return csv.toString().getBytes(Charset.forName("windows-1252"));
    }

    @Test
    void aFrenchUploaderReadsDatesDayMonthByDefaultAndThePreviewSaysSo() throws Exception {
        BrowserlessSession bci = new BrowserlessSession(web.port());
        bci.signIn("bci@partner.example", DemoData.PASSWORD);
        String lists = bci.get("/partner/lists?lang=fr").body();
        assertThat(lists).contains("<label for=\"date-order-QIMG\">Comment le fichier écrit les dates comme 03/04/1990</label>")
                .contains("<option value=\"DAY_MONTH\" selected>jour/mois (31/12/1990)</option>")
                .contains("<option value=\"MONTH_DAY\">mois/jour (12/31/1990)</option>");

        HttpResponse<String> upload = bci.postFile("/partner/lists/QIMG/upload", "bci-fr.csv",
                qimgWithDates("dd/MM/yyyy", "A-2004", "A-2015", "A-2022", "A-2018", "A-2005"), Map.of("dateOrder", "DAY_MONTH"));

        assertThat(upload.statusCode()).isEqualTo(302);
        String preview = bci.get(upload.headers().firstValue("Location").orElseThrow()).body();
        assertThat(preview).contains(
                "<p id=\"date-order\">Les dates comme 03/04/1990 ont été lues jour/mois (31/12/1990), comme vous l’avez indiqué.</p>");
    }

    @Test
    void anEnglishUploaderReadsDatesMonthDayByDefaultAndARowThatCannotBeReadSoIsNamed() throws Exception {
        BrowserlessSession bci = new BrowserlessSession(web.port());
        bci.signIn("bci@partner.example", DemoData.PASSWORD);
        assertThat(bci.get("/partner/lists?lang=en").body())
                .contains("<option value=\"MONTH_DAY\" selected>month/day (12/31/1990)</option>");

        HttpResponse<String> upload = bci.postFile("/partner/lists/QIMG/upload", "bci-en.csv",
                qimgWithDates("MM/dd/yyyy", "A-2004", "A-2015", "A-2022", "A-2018", "A-2005"), Map.of("dateOrder", "MONTH_DAY"));
        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(bci.get(upload.headers().firstValue("Location").orElseThrow()).body())
                .contains("<p id=\"date-order\">Dates such as 03/04/1990 were read as month/day (12/31/1990), as you said.</p>");

        byte[] french = "Nom de famille;Prénom(s);Date de naissance;Contingent\r\nX;Y;25/04/1990;Régulier\r\n"
                .getBytes(Charset.forName("windows-1252"));
        bci.get("/partner/lists");
        HttpResponse<String> refused = bci.postFile("/partner/lists/QIMG/upload", "french.csv", french, Map.of("dateOrder", "MONTH_DAY"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains(
                "Row 2, column \"Date de naissance\": \"25/04/1990\" cannot be read month/day, as you said the file writes dates: check the row, or choose day/month.");
    }

    /** The first bytes of a PNG image: its signature and the start of its header chunk. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};

    @Test
    void anImageIsRefusedInTheUploadersLanguageWithoutAnyExceptionText() throws Exception {
        BrowserlessSession bci = new BrowserlessSession(web.port());
        bci.signIn("bci@partner.example", DemoData.PASSWORD);
        bci.get("/partner/lists?lang=fr");
        HttpResponse<String> french = bci.postFile("/partner/lists/QIMG/upload", "liste.png", PNG);
        assertThat(french.statusCode()).isEqualTo(400);
        assertThat(french.body())
                .contains("Fichier : liste.png n’est pas une liste : ce n’est ni un fichier CSV ni un classeur Excel (.xlsx).")
                .doesNotContain("Exception").doesNotContain("neither text");

        bci.get("/partner/lists?lang=en");
        HttpResponse<String> english = bci.postFile("/partner/lists/QIMG/upload", "list.xlsx",
                "Family name,Given names\n".getBytes(Charset.forName("UTF-8")));
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("list.xlsx is named as an Excel workbook (.xlsx), but it is not one")
                .doesNotContain("the name says");
    }

    @Test
    void thePreviewCountsInFrenchAgreeInNumber() {
        Messages fr = Messages.of("fr");
        assertThat(fr.t("lists.preview.diff", 0, 1, 2, 1))
                .isEqualTo("aucun ajout, 1 retiré, 2 aux détails modifiés\u00a0; le catalogue d’un candidat changerait.");
        assertThat(fr.t("lists.preview.diff", 1500, 0, 0, 0))
                .isEqualTo(fr.number(1500)
                        + " ajoutés, aucun retrait, aucun détail modifié\u00a0; le catalogue d’aucun candidat ne changerait.");
    }

    @Test
    void aRefusalShownAsAPageSaysWhatHappenedInTheReadersLanguage() throws Exception {
        BrowserlessSession bci = new BrowserlessSession(web.port());
        bci.signIn("bci@partner.example", DemoData.PASSWORD);
        bci.get("/partner/lists?lang=fr");

        HttpResponse<String> missing = bci.get("/partner/lists/QIMG/uploads/999999");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<html lang=\"fr\">")
                .contains("<p role=\"alert\">Ce que vous demandez n’existe pas, ou ne vous est pas accessible.</p>")
                .as("no English detail on a French page").doesNotContain("no upload");
    }

    @Test
    void aRefusedFileShowsEveryProblemTiedToTheFileFieldInFrench() throws Exception {
        BrowserlessSession bci = new BrowserlessSession(web.port());
        bci.signIn("bci@partner.example", DemoData.PASSWORD);
        bci.get("/partner/lists?lang=fr");
        byte[] bad = "Nom de famille;Prénom(s);Date de naissance;Contingent\r\nX;Y;03/04/1990;Particulier\r\n"
                .getBytes(Charset.forName("windows-1252"));

        HttpResponse<String> refused = bci.postFile("/partner/lists/QIMG/upload", "mauvais.csv", bad);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"").contains("aria-describedby=\"problems-QIMG\"")
                .contains("Ligne 2, colonne « Date de naissance » : « 03/04/1990 » peut se lire jour/mois ou mois/jour")
                .contains("contingent particulier");
    }

    @Test
    void otherRolesCannotReachTheListsAndOnlyTheOperatorReverts() throws Exception {
        BrowserlessSession applicant = new BrowserlessSession(web.port());
        applicant.signIn("amira.haddad@applicant.example", DemoData.PASSWORD);
        assertThat(applicant.get("/partner/lists").statusCode()).isEqualTo(403);

        BrowserlessSession aimg = new BrowserlessSession(web.port());
        aimg.signIn("aimg@partner.example", DemoData.PASSWORD);
        aimg.get("/partner/lists");
        assertThat(aimg.post("/partner/lists/AIMG/revert", Map.of("toVersion", "1")).statusCode()).isEqualTo(403);
        assertThat(aimg.get("/partner/lists/QIMG/uploads/1").statusCode()).isEqualTo(403);

        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        assertThat(operator.get("/partner/lists").body()).contains("list-AIMG").contains("list-BCIMG").contains("list-QIMG");
    }

    @Test
    void thePreviewShowsForEachChangedMemberWhatChangesOldAndNewInTheUploadersLanguage() throws Exception {
        var lists = web.services().lists();
        Map<String, org.residencymatch.lists.ListMember> current = web.services().database().jdbi()
                .withHandle(h -> lists.members(h, DemoData.CYCLE,
                        org.residencymatch.eligibility.ListKind.BCIMG,
                        lists.currentVersion(h, DemoData.CYCLE, org.residencymatch.eligibility.ListKind.BCIMG)));
        assertThat(current).containsKey("A-2003");
        StringBuilder csv = new StringBuilder("Numéro de candidat;Nom de famille;Prénom(s);Date de naissance;Résultat de l'évaluation\r\n");
        for (var member : new java.util.TreeMap<>(current).values()) {
            Identity i = web.services().profiles().identity(member.applicantId()).orElseThrow();
            String outcome = member.applicantId().equals("A-2003") ? "Évaluation réussie" : member.assessmentOutcome();
            csv.append(i.applicantId()).append(';').append(i.familyName()).append(';').append(i.givenNames()).append(';')
                    .append(i.dateOfBirth())
                    .append(';').append(outcome).append("\r\n");
        }
        BrowserlessSession bcCap = new BrowserlessSession(web.port());
        bcCap.signIn("bc-cap@partner.example", DemoData.PASSWORD);
        bcCap.get("/partner/lists?lang=fr");
        HttpResponse<String> upload = bcCap.postFile("/partner/lists/BCIMG/upload", "bccap.csv",
                csv.toString().getBytes(Charset.forName("windows-1252")));
        assertThat(upload.statusCode()).isEqualTo(302);

        String preview = bcCap.get(upload.headers().firstValue("Location").orElseThrow()).body();
        assertThat(preview).contains("aucun ajout, aucun retrait, 1 aux détails modifiés").contains("<table id=\"changes\">")
                .contains("<th scope=\"row\">A-2003 — Chen, Wei</th><td>Résultat de l’évaluation</td>")
                .contains("<td>" + current.get("A-2003").assessmentOutcome() + " → Évaluation réussie</td>");
        assertThat(preview.split("<th scope=\"row\">A-").length - 1).as("only the changed member").isEqualTo(1);
    }

    private static byte[] download(BrowserlessSession session, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + web.port() + path))
                        .header("Cookie", Authentication.SESSION_COOKIE + "=" + session.sessionCookie()).build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    @Test
    void theTemplatesCarryAMarkedExampleRowAndAFileStillHoldingItIsRefusedNamingTheRow() throws Exception {
        BrowserlessSession bci = new BrowserlessSession(web.port());
        bci.signIn("bci@partner.example", DemoData.PASSWORD);
        bci.get("/partner/lists?lang=fr");
        String csv = new String(download(bci, "/api/v1/cycles/2025-R1/lists/QIMG/template.csv?lang=fr"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().toList().get(1)).startsWith("EXEMPLE;").contains("EXEMPLE - supprimez cette ligne").contains("1990-01-31");
        String english = new String(download(bci, "/api/v1/cycles/2025-R1/lists/QIMG/template.csv?lang=en"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(english.lines().toList().get(1)).startsWith("EXAMPLE,").contains("EXAMPLE - delete this row");

        HttpResponse<String> asDownloaded = bci.postFile("/partner/lists/QIMG/upload", "modele.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(asDownloaded.statusCode()).isEqualTo(400);
        assertThat(asDownloaded.body())
                .contains("C’est la ligne d’exemple du modèle (EXEMPLE) : supprimez-la, puis déposez de nouveau le fichier.");
        bci.get("/partner/lists?lang=fr");
        HttpResponse<String> workbook = bci.postFile("/partner/lists/QIMG/upload", "modele.xlsx",
                download(bci, "/api/v1/cycles/2025-R1/lists/QIMG/template.xlsx?lang=fr"));
        assertThat(workbook.statusCode()).isEqualTo(400);
        assertThat(workbook.body()).contains("C’est la ligne d’exemple du modèle (EXEMPLE)");

        // With the example row replaced by a real one, the same file is read.
        Identity listed = web.services().profiles().identity("A-2004").orElseThrow();
        String real = csv.lines().findFirst().orElseThrow() + "\r\n" + ";;;" + listed.familyName() + ";" + listed.givenNames() + ";"
                + listed.dateOfBirth() + ";Régulier\r\n";
        bci.get("/partner/lists?lang=fr");
        assertThat(bci.postFile("/partner/lists/QIMG/upload", "liste.csv", real.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(302);
    }
}
