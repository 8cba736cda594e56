package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.failure;
import static org.residencymatch.api.DemoApiServer.invalidField;
import static org.residencymatch.api.DemoApiServer.notFound;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiResponse;
import org.residencymatch.api.client.api.ApplicantsApi;
import org.residencymatch.api.client.api.CatalogueApi;
import org.residencymatch.api.client.model.ApiError;
import org.residencymatch.api.client.model.Decision;
import org.residencymatch.api.client.model.Document;
import org.residencymatch.api.client.model.DocumentDecisionRequest;
import org.residencymatch.api.client.model.DocumentKind;
import org.residencymatch.api.client.model.DocumentList;
import org.residencymatch.api.client.model.FactCheck;
import org.residencymatch.api.client.model.LocalizedText;
import org.residencymatch.api.client.model.ProfileFact;
import org.residencymatch.store.DatabaseTest;

/**
 * Documents through the generated client (issue #18): an applicant uploads the proof of a fact, judged
 * by its content and bounded in size; only the applicant, the operator and the applicant's own faculty list and download it, always
 * as an attachment; the operator's decision on it decides the facts it proves, and the catalogue follows.
 */
@DatabaseTest
class DocumentsApiTest {

    /** Chloé, a CMG whose category awaits verification (her streams are pending), and a CMG stream at Memorial. */
    static final String CHLOE = "A-1008", CMG_STREAM = "27447";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    static DemoApiServer demo;
    static String chloe;
    static ApplicantsApi operator;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoApiServer.start();
        operator = new ApplicantsApi(demo.operator());
        chloe = demo.tokenForApplicant(CHLOE);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** Chloé's client sending {@code file} as the upload's body. */
    static ApplicantsApi uploadingAsChloe(byte[] file) {
        return new ApplicantsApi(demo.uploading(chloe, file));
    }

    @Test
    void anUploadedDocumentIsKeptWithItsChecksumAndServedOnlyAsAnAttachmentToTheApplicantAndTheOperator() throws Exception {
        Document sent = uploadingAsChloe(PDF).uploadDocument(CYCLE, CHLOE, new File("x"), DocumentKind.DEGREE, "../diplôme final.PDF",
                null);

        assertThat(sent.getStatus()).isEqualTo(Document.StatusEnum.AWAITING);
        assertThat(sent.getMediaType()).isEqualTo(Document.MediaTypeEnum.APPLICATION_PDF);
        assertThat(sent.getFileName()).as("made safe, never a path").isEqualTo("dipl_me_final.PDF");
        assertThat(sent.getSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        assertThat(sent.getProves()).containsExactly(ProfileFact.CATEGORY, ProfileFact.DEGREE);

        DocumentList mine = new ApplicantsApi(demo.bearer(chloe)).listDocuments(CYCLE, CHLOE);
        assertThat(mine.getDocuments()).extracting(Document::getId).contains(sent.getId());
        ApiResponse<File> download = new ApplicantsApi(demo.bearer(chloe)).downloadDocumentWithHttpInfo(CYCLE, CHLOE, sent.getId());
        assertThat(Files.readAllBytes(download.getData().toPath())).isEqualTo(PDF);
        assertThat(download.getHeaders().get("content-disposition")).singleElement().asString().startsWith("attachment;")
                .contains("dipl_me_final.PDF");
        assertThat(download.getHeaders().get("x-content-type-options")).containsExactly("nosniff");
        assertThat(operator.downloadDocumentWithHttpInfo(CYCLE, CHLOE, sent.getId()).getStatusCode()).isEqualTo(200);

        // Another applicant reaches neither the list nor the file, nor does another faculty's staff; partners are refused by role.
        ApplicantsApi amira = new ApplicantsApi(demo.bearer(demo.tokenForApplicant("A-2001")));
        notFound(() -> amira.listDocuments(CYCLE, CHLOE));
        notFound(() -> amira.downloadDocument(CYCLE, CHLOE, sent.getId()));
        ApplicantsApi mcgill = new ApplicantsApi(demo.bearer(FacultyVerificationApiTest.staffOf(demo, "MCGILL")));
        notFound(() -> mcgill.downloadDocument(CYCLE, CHLOE, sent.getId()));
        notFound(() -> mcgill.listDocuments(CYCLE, CHLOE));
        ApplicantsApi bci = new ApplicantsApi(demo.bearer(demo.tokenForAccount("bci@partner.example")));
        assertThat(failure(403, () -> bci.downloadDocument(CYCLE, CHLOE, sent.getId())).getCode()).isEqualTo("FORBIDDEN");
        // Chloé's own faculty, which verifies her category and degree, reads what she sent to prove them.
        ApplicantsApi ubc = new ApplicantsApi(demo.bearer(demo.tokenForAccount("staff@ubc.example")));
        assertThat(ubc.downloadDocumentWithHttpInfo(CYCLE, CHLOE, sent.getId()).getStatusCode()).isEqualTo(200);
        long audited = demo.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'applicant.document.downloaded' AND target = 'applicant:" + CHLOE + "'")
                .mapTo(Long.class).one());
        assertThat(audited).isEqualTo(3);
    }

    @Test
    void aFileThatIsNoPdfJpegOrPngIsRefusedWhateverItsNameWithTheReasonInTheApplicantsLanguage() throws Exception {
        int before = new ApplicantsApi(demo.bearer(chloe)).listDocuments(CYCLE, CHLOE).getDocuments().size();
        byte[] script = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        ApiError english = failure(400,
                () -> uploadingAsChloe(script).uploadDocument(CYCLE, CHLOE, new File("x"), DocumentKind.DEGREE, "degree.pdf", "en"));
        assertThat(english.getCode()).isEqualTo("DOCUMENT_REFUSED");
        assertThat(english.getField()).isEqualTo("file");
        assertThat(english.getMessage()).contains("not a PDF, JPEG or PNG");
        ApiError french = failure(400,
                () -> uploadingAsChloe(script).uploadDocument(CYCLE, CHLOE, new File("x"), DocumentKind.DEGREE, "degree.pdf", "fr"));
        assertThat(french.getMessage()).contains("ni un PDF, ni un JPEG, ni un PNG");
        assertThat(failure(400,
                () -> uploadingAsChloe(new byte[0]).uploadDocument(CYCLE, CHLOE, new File("x"), DocumentKind.DEGREE, "empty.pdf", null))
                .getMessage()).contains("empty");
        // A PNG is taken whatever its name says, and named for what it is.
        Document png = uploadingAsChloe(PNG).uploadDocument(CYCLE, CHLOE, new File("x"), DocumentKind.DEGREE, "scan.pdf", null);
        assertThat(png.getMediaType()).isEqualTo(Document.MediaTypeEnum.IMAGE_PNG);
        assertThat(png.getFileName()).isEqualTo("scan.pdf.png");

        // A kind this cycle proves nothing from, or none at all, names the field.
        invalidField("kind",
                () -> uploadingAsChloe(PDF).uploadDocument(CYCLE, CHLOE, new File("x"), DocumentKind.MCC_RESULTS, "mcc.pdf", null));
        invalidField("kind", () -> uploadingAsChloe(PDF).uploadDocument(CYCLE, CHLOE, new File("x"), null, "what.pdf", null));
        assertThat(new ApplicantsApi(demo.bearer(chloe)).listDocuments(CYCLE, CHLOE).getDocuments()).hasSize(before + 1);
    }

    @Test
    void aDocumentOverTenMegabytesIsRefusedWith413() {
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        ApiError tooLarge = failure(413,
                () -> uploadingAsChloe(large).uploadDocument(CYCLE, CHLOE, new File("x"), DocumentKind.DEGREE, "big.pdf", "fr"));
        assertThat(tooLarge.getCode()).isEqualTo("TOO_LARGE");
        assertThat(tooLarge.getMessage()).contains("10 Mo");
    }

    @Test
    void aMultipartFormWithTheFileAndItsKindIsTakenToo() throws Exception {
        String boundary = "----residency" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nCITIZENSHIP_PROOF\r\n"
                + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"passport.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + PDF.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(PDF, 0, body, head.length, PDF.length);
        System.arraycopy(tail, 0, body, head.length + PDF.length, tail.length);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(demo.baseUrl() + "/api/v1/cycles/" + CYCLE + "/applicants/" + CHLOE + "/documents"))
                .header("Authorization", "Bearer " + chloe).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(answer.body()).contains("\"kind\":\"CITIZENSHIP_PROOF\"").contains("\"fileName\":\"passport.pdf\"");
    }

    @Test
    void acceptingADegreeVerifiesTheFactsItProvesAndOpensThePendingStreamsAtOnce() throws Exception {
        CatalogueApi catalogue = new CatalogueApi(demo.operator());
        assertThat(catalogue.explainEligibility(CYCLE, CHLOE, CMG_STREAM, null).getDecision()).isEqualTo(Decision.PENDING);
        Document degree = uploadingAsChloe(PDF).uploadDocument(CYCLE, CHLOE, new File("x"), DocumentKind.DEGREE, "degree.pdf", null);

        // A refusal gives its reason in both languages; an acceptance gives none.
        invalidField("reason", () -> operator.decideDocument(CYCLE, CHLOE, degree.getId(),
                new DocumentDecisionRequest().decision(DocumentDecisionRequest.DecisionEnum.REFUSED)));
        invalidField("reason", () -> operator.decideDocument(CYCLE, CHLOE, degree.getId(), new DocumentDecisionRequest()
                .decision(DocumentDecisionRequest.DecisionEnum.ACCEPTED).reason(new LocalizedText().en("x").fr("x"))));
        // Only the operator decides.
        failure(403, () -> new ApplicantsApi(demo.bearer(chloe)).decideDocument(CYCLE, CHLOE, degree.getId(),
                new DocumentDecisionRequest().decision(DocumentDecisionRequest.DecisionEnum.ACCEPTED)));

        Document accepted = operator.decideDocument(CYCLE, CHLOE, degree.getId(),
                new DocumentDecisionRequest().decision(DocumentDecisionRequest.DecisionEnum.ACCEPTED));

        assertThat(accepted.getStatus()).isEqualTo(Document.StatusEnum.ACCEPTED);
        assertThat(accepted.getDecidedBy()).isEqualTo("the match operator");
        List<FactCheck> facts = operator.getApplicant(CYCLE, CHLOE).getFacts();
        assertThat(facts).filteredOn(f -> f.getFact() == ProfileFact.CATEGORY || f.getFact() == ProfileFact.DEGREE)
                .extracting(FactCheck::getState).containsOnly(FactCheck.StateEnum.VERIFIED);
        assertThat(catalogue.explainEligibility(CYCLE, CHLOE, CMG_STREAM, null).getDecision()).isEqualTo(Decision.SELECTABLE);
        long told = demo.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM outbox_message WHERE applicant_id = :a AND kind = 'DOCUMENT_ACCEPTED'").bind("a", CHLOE)
                .mapTo(Long.class).one());
        assertThat(told).isEqualTo(1);

        // Decided once: neither decided again nor withdrawn.
        assertThat(failure(409, () -> operator.decideDocument(CYCLE, CHLOE, degree.getId(),
                new DocumentDecisionRequest().decision(DocumentDecisionRequest.DecisionEnum.ACCEPTED))).getCode())
                .isEqualTo("DOCUMENT_DECIDED");
        assertThat(failure(409, () -> new ApplicantsApi(demo.bearer(chloe)).withdrawDocument(CYCLE, CHLOE, degree.getId())).getCode())
                .isEqualTo("DOCUMENT_DECIDED");
    }

    @Test
    void aRefusalGivesItsReasonInBothLanguagesAndAWithdrawnDocumentIsKeptForTheOperatorOnly() throws Exception {
        String ravi = "A-2025";
        String token = demo.tokenForApplicant(ravi);
        Document passport = new ApplicantsApi(demo.uploading(token, PDF)).uploadDocument(CYCLE, ravi, new File("x"),
                DocumentKind.CITIZENSHIP_PROOF,
                "passport.pdf", null);
        Document degree = new ApplicantsApi(demo.uploading(token, PNG)).uploadDocument(CYCLE, ravi, new File("x"), DocumentKind.DEGREE,
                "degree.png", null);
        Document refused = operator.decideDocument(CYCLE, ravi, passport.getId(), new DocumentDecisionRequest()
                .decision(DocumentDecisionRequest.DecisionEnum.REFUSED)
                .reason(new LocalizedText().en("The passport has expired.").fr("Le passeport est expiré.")));
        assertThat(refused.getStatus()).isEqualTo(Document.StatusEnum.REFUSED);
        assertThat(refused.getRefusal().getFr()).isEqualTo("Le passeport est expiré.");
        FactCheck citizenship = operator.getApplicant(CYCLE, ravi).getFacts().stream().filter(f -> f.getFact() == ProfileFact.CITIZENSHIP)
                .findFirst().orElseThrow();
        assertThat(citizenship.getState()).isEqualTo(FactCheck.StateEnum.REFUSED);
        assertThat(citizenship.getRefusal().getEn()).isEqualTo("The passport has expired.");

        ApiResponse<Void> withdrawn = new ApplicantsApi(demo.bearer(token)).withdrawDocumentWithHttpInfo(CYCLE, ravi, degree.getId());
        assertThat(withdrawn.getStatusCode()).isEqualTo(204);
        assertThat(new ApplicantsApi(demo.bearer(token)).listDocuments(CYCLE, ravi).getDocuments()).extracting(Document::getId)
                .doesNotContain(degree.getId());
        notFound(() -> new ApplicantsApi(demo.bearer(token)).downloadDocument(CYCLE, ravi, degree.getId()));
        Document kept = operator.listDocuments(CYCLE, ravi).getDocuments().stream().filter(d -> d.getId().equals(degree.getId()))
                .findFirst().orElseThrow();
        assertThat(kept.getWithdrawnAt()).isNotNull();
        assertThat(operator.downloadDocumentWithHttpInfo(CYCLE, ravi, degree.getId()).getStatusCode()).isEqualTo(200);
        assertThat(failure(409, () -> operator.decideDocument(CYCLE, ravi, degree.getId(),
                new DocumentDecisionRequest().decision(DocumentDecisionRequest.DecisionEnum.ACCEPTED))).getCode())
                .isEqualTo("DOCUMENT_DECIDED");
    }
}
