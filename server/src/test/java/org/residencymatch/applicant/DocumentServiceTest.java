package org.residencymatch.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.applicant.FactVerificationService.FactDecision;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.eligibility.DocumentKind;
import org.residencymatch.eligibility.FactStatus;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.eligibility.Verifier;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * Applicants' documents in the database (H2, and PostgreSQL with {@code -Dtest.db.url}: their binary
 * columns differ): a file of the largest size accepted comes back byte for byte with its checksum; a
 * withdrawn one is kept; a decision on one decides its facts, audits and notifies in one transaction.
 */
@DatabaseTest
class DocumentServiceTest {

    static final String CYCLE = DemoData.CYCLE;
    static final String CMG_STREAM = "27447";
    static Services services;

    @BeforeAll
    static void start() {
        services = TestDemo.start(new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0)));
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    static long count(String sql, Object... args) {
        return services.database().jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) query.bind(i, args[i]);
            return query.mapTo(Long.class).one();
        });
    }

    static byte[] pdf(int size) {
        byte[] content = new byte[size];
        // Every byte value, NULs included, after the header: what a binary column must keep.
        for (int i = 0; i < size; i++) content[i] = (byte) (i * 31 + 7);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, content, 0, header.length);
        return content;
    }

    @Test
    void aDocumentOfTheLargestSizeAcceptedComesBackByteForByteWithItsChecksum() throws Exception {
        byte[] content = pdf((int) DocumentCheck.MAX_BYTES);

        Document kept = services.documents().upload(CYCLE, "A-2024", DocumentKind.CITIZENSHIP_PROOF, "C:\\scans\\étrange nom.PDF", content,
                "applicant:A-2024");

        assertThat(kept.mediaType()).isEqualTo("application/pdf");
        assertThat(kept.sizeBytes()).isEqualTo(content.length);
        assertThat(kept.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(kept.fileName()).isEqualTo("_trange_nom.PDF");
        assertThat(kept.status()).isEqualTo("AWAITING");
        byte[] back = services.documents().download(CYCLE, "A-2024", kept.id(), false, "applicant:A-2024").content();
        assertThat(back).isEqualTo(content);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'applicant.document.uploaded' AND target = ?", "applicant:A-2024"))
                .isEqualTo(1);
        assertThat(
                count("SELECT COUNT(*) FROM audit_log WHERE action = 'applicant.document.downloaded' AND target = ?", "applicant:A-2024"))
                .isEqualTo(1);
        // Another applicant's id does not reach it.
        assertThatThrownBy(() -> services.documents().download(CYCLE, "A-2001", kept.id(), true, "operator"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFileIsJudgedByItsContentAndARefusedOneLeavesNothingBehind() {
        long before = count("SELECT COUNT(*) FROM applicant_document");
        byte[] text = "not a scan, whatever its name says".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(
                () -> services.documents().upload(CYCLE, "A-2013", DocumentKind.PROVINCIAL_TIE_PROOF, "tie.pdf", text, "applicant:A-2013"))
                .isInstanceOfSatisfying(DocumentService.DocumentRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(DocumentCheck.Refusal.TYPE));
        assertThatThrownBy(() -> services.documents().upload(CYCLE, "A-2013", DocumentKind.PROVINCIAL_TIE_PROOF, "tie.pdf",
                pdf((int) DocumentCheck.MAX_BYTES + 1), "applicant:A-2013"))
                .isInstanceOfSatisfying(DocumentService.DocumentRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(DocumentCheck.Refusal.TOO_LARGE));
        assertThat(count("SELECT COUNT(*) FROM applicant_document")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM applicant_document_content")).isEqualTo(before);
    }

    @Test
    void anApplicantSendsAtMostTwentyDocumentsWithdrawnOnesIncluded() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
        for (int i = 0; i < DocumentService.MAX_PER_APPLICANT; i++) {
            Document d = services.documents().upload(CYCLE, "A-2014", DocumentKind.PROVINCIAL_TIE_PROOF, "tie-" + i, jpeg,
                    "applicant:A-2014");
            assertThat(d.fileName()).isEqualTo("tie-" + i + ".jpg");
            services.documents().withdraw(CYCLE, "A-2014", d.id(), "applicant:A-2014");
        }
        assertThatThrownBy(() -> services.documents().upload(CYCLE, "A-2014", DocumentKind.PROVINCIAL_TIE_PROOF, "one more.jpg", jpeg,
                "applicant:A-2014"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("TOO_MANY_DOCUMENTS"));
        // Withdrawn, yet kept: the rows and the files stay for the audit.
        assertThat(services.documents().list(CYCLE, "A-2014", false)).isEmpty();
        assertThat(services.documents().list(CYCLE, "A-2014", true)).hasSize(DocumentService.MAX_PER_APPLICANT)
                .allSatisfy(d -> assertThat(d.deletedAt()).isNotNull());
        assertThat(count(
                "SELECT COUNT(*) FROM applicant_document_content c JOIN applicant_document d ON d.id = c.document_id WHERE d.applicant_id = ?",
                "A-2014")).isEqualTo(DocumentService.MAX_PER_APPLICANT);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'applicant.document.withdrawn' AND target = ?", "applicant:A-2014"))
                .isEqualTo(DocumentService.MAX_PER_APPLICANT);
    }

    @Test
    void acceptingADegreeVerifiesTheCategoryAndTheDegreeAuditsAndNotifiesAndOpensTheStreamsAtOnce() {
        assertThat(services.catalogue().explain(CYCLE, "A-1008", CMG_STREAM, 1).decision().decision()).isEqualTo(Decision.PENDING);
        Document degree = services.documents().upload(CYCLE, "A-1008", DocumentKind.DEGREE, "degree.pdf", pdf(2000), "applicant:A-1008");

        var decided = services.documents().decide(CYCLE, "A-1008", degree.id(),
                FactDecision.accepted(Verifier.OPERATOR, "the match operator"),
                "operator@demo.example");

        assertThat(decided).containsExactly(ProfileFact.CATEGORY, ProfileFact.DEGREE);
        var checks = services.profiles().profile(CYCLE, "A-1008").orElseThrow().checks();
        assertThat(checks.status(ProfileFact.CATEGORY).state()).isEqualTo(FactStatus.State.VERIFIED);
        assertThat(checks.status(ProfileFact.DEGREE).state()).isEqualTo(FactStatus.State.VERIFIED);
        assertThat(checks.status(ProfileFact.CITIZENSHIP).state()).as("a degree proves nothing else")
                .isEqualTo(FactStatus.State.AWAITING_VERIFICATION);
        assertThat(services.catalogue().explain(CYCLE, "A-1008", CMG_STREAM, 1).decision().decision()).isEqualTo(Decision.SELECTABLE);
        assertThat(services.documents().find(CYCLE, "A-1008", degree.id()).status()).isEqualTo("ACCEPTED");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'applicant.fact.verified' AND target = ?", "applicant:A-1008"))
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'applicant.document.accepted' AND target = ?", "applicant:A-1008"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE applicant_id = ? AND kind = 'DOCUMENT_ACCEPTED'", "A-1008"))
                .isEqualTo(1);

        assertThatThrownBy(
                () -> services.documents().decide(CYCLE, "A-1008", degree.id(), FactDecision.accepted(Verifier.OPERATOR, "x"), "operator"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("DOCUMENT_DECIDED"));
        assertThatThrownBy(() -> services.documents().withdraw(CYCLE, "A-1008", degree.id(), "applicant:A-1008"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("DOCUMENT_DECIDED"));
    }

    @Test
    void aRefusalRefusesTheFactsWithItsReasonAndAFailingDecisionChangesNothing() {
        LocalizedText expired = new LocalizedText("The card has expired.", "La carte est expirée.");
        Document card = services.documents().upload(CYCLE, "A-2016", DocumentKind.CITIZENSHIP_PROOF, "pr-card.png",
                new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1}, "applicant:A-2016");
        long outbox = count("SELECT COUNT(*) FROM outbox_message WHERE applicant_id = ?", "A-2016");

        // The faculty verifies no citizenship: refused before anything is written, the document still awaiting.
        assertThatThrownBy(
                () -> services.documents().decide(CYCLE, "A-2016", card.id(), FactDecision.refused(Verifier.FACULTY, "a faculty", expired),
                        "operator"))
                .isInstanceOf(FactVerificationService.NotAVerifierException.class);
        assertThat(services.documents().find(CYCLE, "A-2016", card.id()).status()).isEqualTo("AWAITING");
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE applicant_id = ?", "A-2016")).isEqualTo(outbox);

        services.documents().decide(CYCLE, "A-2016", card.id(), FactDecision.refused(Verifier.OPERATOR, "the match operator", expired),
                "operator");

        Document refused = services.documents().find(CYCLE, "A-2016", card.id());
        assertThat(refused.status()).isEqualTo("REFUSED");
        assertThat(refused.refusal()).isEqualTo(expired);
        assertThat(services.profiles().profile(CYCLE, "A-2016").orElseThrow().checks().status(ProfileFact.CITIZENSHIP).refusal())
                .isEqualTo(expired);
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE applicant_id = ? AND kind = 'DOCUMENT_REFUSED'", "A-2016"))
                .isEqualTo(1);
    }
}
