package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.failure;
import static org.residencymatch.api.DemoApiServer.invalidField;
import static org.residencymatch.api.DemoApiServer.notFound;

import java.io.File;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.account.Accounts;
import org.residencymatch.account.Role;
import org.residencymatch.api.client.api.ApplicantsApi;
import org.residencymatch.api.client.api.CatalogueApi;
import org.residencymatch.api.client.model.ApplicantCategory;
import org.residencymatch.api.client.model.ApplicantProfile;
import org.residencymatch.api.client.model.AwaitingFact;
import org.residencymatch.api.client.model.DeclaredProfileRequest;
import org.residencymatch.api.client.model.Decision;
import org.residencymatch.api.client.model.Document;
import org.residencymatch.api.client.model.DocumentDecisionRequest;
import org.residencymatch.api.client.model.DocumentKind;
import org.residencymatch.api.client.model.FactCheck;
import org.residencymatch.api.client.model.FactDecisionRequest;
import org.residencymatch.api.client.model.LocalizedText;
import org.residencymatch.api.client.model.ProfileFact;
import org.residencymatch.api.client.model.StudyStatus;
import org.residencymatch.api.client.model.Verifier;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * A Canadian faculty verifies its own CMG students' facts through the same API as the operator (issue
 * #18, point 4): its program staff get the queue of the facts a faculty verifies of the CMGs who declare
 * it as their medical school, with the documents beside them, and decide them, or a document, under the
 * faculty's name: the applicant is told, the catalogue follows, the audit says who. Another faculty's
 * student, or an IMG, does not exist for them: 404.
 */
@DatabaseTest
class FacultyVerificationApiTest {

    /** During program selection of the demo cycle's first iteration: profiles are editable. */
    static final LocalDateTime SELECTION = LocalDateTime.of(2024, 10, 15, 12, 0);
    /** Chloé, a UBC student (CMG) whose category awaits her faculty's verification; a CMG stream at Memorial. */
    static final String CHLOE = DemoData.CHLOE, CMG_STREAM = "27447";
    /** Émilie, a CMG whose facts were verified by her faculty, who has not named her medical school yet. */
    static final String EMILIE = "A-1001";
    static final String UBC_NAME = "University of British Columbia";

    static DemoApiServer demo;
    static ApplicantsApi operator, ubc, mcgill;

    @BeforeAll
    static void start() {
        demo = DemoApiServer.start(new MutableClock(SELECTION));
        operator = new ApplicantsApi(demo.operator());
        ubc = new ApplicantsApi(demo.bearer(demo.tokenForAccount("staff@ubc.example")));
        mcgill = new ApplicantsApi(demo.bearer(staffOf(demo, "MCGILL")));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** An API token of a new program staff account of this faculty. */
    static String staffOf(DemoApiServer demo, String facultyId) {
        var services = demo.services();
        Accounts accounts = new Accounts(services.database().jdbi(), services.clock());
        String email = "staff-" + facultyId.toLowerCase(java.util.Locale.ROOT) + "-" + System.nanoTime() + "@faculty.example";
        return services.database().jdbi().inTransaction(h -> accounts.issueApiToken(h, accounts.create(h,
                new Accounts.NewAccount(email, facultyId + " staff", "a long enough password", Role.PROGRAM_STAFF, null, facultyId, null)),
                "test"));
    }

    static long rows(String sql, String applicantId) {
        return demo.services().database().jdbi().withHandle(h -> h.createQuery(sql).bind("a", applicantId).mapTo(Long.class).one());
    }

    static FactCheck fact(ApplicantProfile profile, ProfileFact fact) {
        return profile.getFacts().stream().filter(f -> f.getFact() == fact).findFirst().orElseThrow();
    }

    @Test
    void aFacultyVerifiesItsOwnStudentsFactsWithTheDocumentBesideThemAndTheCatalogueFollows() throws Exception {
        CatalogueApi catalogue = new CatalogueApi(demo.operator());
        assertThat(catalogue.explainEligibility(CYCLE, CHLOE, CMG_STREAM, null).getDecision()).isEqualTo(Decision.PENDING);
        String chloe = demo.tokenForApplicant(CHLOE);
        Document degree = new ApplicantsApi(demo.uploading(chloe, DocumentsApiTest.PDF)).uploadDocument(CYCLE, CHLOE, new File("x"),
                DocumentKind.DEGREE, "degree.pdf", null);

        // UBC's queue: Chloé's category and degree, the facts a faculty verifies, each with the degree she sent beside it.
        List<AwaitingFact> queue = ubc.factsAwaitingVerification(CYCLE, null).getAwaiting();
        assertThat(queue).extracting(AwaitingFact::getApplicantId).containsOnly(CHLOE);
        assertThat(queue).extracting(AwaitingFact::getFact).containsExactly(ProfileFact.CATEGORY, ProfileFact.DEGREE);
        assertThat(queue).allSatisfy(a -> assertThat(a.getDocuments()).extracting(Document::getId).containsExactly(degree.getId()));
        // The operator's queue lists the documents beside each fact too.
        AwaitingFact operatorsLine = operator.factsAwaitingVerification(CYCLE, 5000).getAwaiting().stream()
                .filter(a -> a.getApplicantId().equals(CHLOE) && a.getFact() == ProfileFact.CATEGORY).findFirst().orElseThrow();
        assertThat(operatorsLine.getDocuments()).extracting(Document::getId).containsExactly(degree.getId());
        assertThat(operator.factsAwaitingVerification(CYCLE, 5000).getAwaiting()).filteredOn(a -> a.getApplicantId().equals("A-2025"))
                .filteredOn(a -> a.getFact() == ProfileFact.CITIZENSHIP).singleElement()
                .satisfies(a -> assertThat(a.getDocuments()).extracting(Document::getKind).containsOnly(DocumentKind.CITIZENSHIP_PROOF)
                        .isNotEmpty());
        // McGill's queue holds none of UBC's students.
        assertThat(mcgill.factsAwaitingVerification(CYCLE, null).getAwaiting()).extracting(AwaitingFact::getApplicantId)
                .doesNotContain(CHLOE);

        // A faculty decides as itself: another verifier is refused, naming the field; a refusal gives its reason in both languages.
        invalidField("verifier", () -> ubc.decideFact(CYCLE, CHLOE, ProfileFact.CATEGORY,
                new FactDecisionRequest().decision(FactDecisionRequest.DecisionEnum.ACCEPTED).verifier(Verifier.OPERATOR)));
        invalidField("reason", () -> ubc.decideFact(CYCLE, CHLOE, ProfileFact.CATEGORY,
                new FactDecisionRequest().decision(FactDecisionRequest.DecisionEnum.REFUSED)));
        // Citizenship is not a faculty's to verify.
        invalidField("verifier", () -> ubc.decideFact(CYCLE, CHLOE, ProfileFact.CITIZENSHIP,
                new FactDecisionRequest().decision(FactDecisionRequest.DecisionEnum.ACCEPTED)));

        ApplicantProfile refused = ubc.decideFact(CYCLE, CHLOE, ProfileFact.CATEGORY, new FactDecisionRequest()
                .decision(FactDecisionRequest.DecisionEnum.REFUSED)
                .reason(new LocalizedText().en("Not enrolled at UBC this year.").fr("Pas inscrite à UBC cette année.")));
        assertThat(fact(refused, ProfileFact.CATEGORY).getState()).isEqualTo(FactCheck.StateEnum.REFUSED);
        assertThat(fact(refused, ProfileFact.CATEGORY).getVerifier()).isEqualTo(Verifier.FACULTY);
        assertThat(fact(refused, ProfileFact.CATEGORY).getDecidedBy()).isEqualTo(UBC_NAME);
        assertThat(fact(refused, ProfileFact.CATEGORY).getRefusal().getFr()).isEqualTo("Pas inscrite à UBC cette année.");
        assertThat(catalogue.explainEligibility(CYCLE, CHLOE, CMG_STREAM, null).getDecision()).isEqualTo(Decision.NOT_ELIGIBLE);
        assertThat(rows("SELECT COUNT(*) FROM outbox_message WHERE applicant_id = :a AND kind = 'FACT_REFUSED'", CHLOE)).isEqualTo(1);

        // Then she shows her enrolment: the faculty accepts the degree she sent, which decides both facts it proves.
        Document accepted = ubc.decideDocument(CYCLE, CHLOE, degree.getId(),
                new DocumentDecisionRequest().decision(DocumentDecisionRequest.DecisionEnum.ACCEPTED));
        assertThat(accepted.getStatus()).isEqualTo(Document.StatusEnum.ACCEPTED);
        assertThat(accepted.getDecidedBy()).isEqualTo(UBC_NAME);
        ApplicantProfile now = operator.getApplicant(CYCLE, CHLOE);
        assertThat(List.of(fact(now, ProfileFact.CATEGORY), fact(now, ProfileFact.DEGREE))).allSatisfy(f -> {
            assertThat(f.getState()).isEqualTo(FactCheck.StateEnum.VERIFIED);
            assertThat(f.getVerifier()).isEqualTo(Verifier.FACULTY);
            assertThat(f.getDecidedBy()).isEqualTo(UBC_NAME);
        });
        assertThat(now.getMedicalSchool()).isEqualTo("UBC");
        assertThat(catalogue.explainEligibility(CYCLE, CHLOE, CMG_STREAM, null).getDecision()).isEqualTo(Decision.SELECTABLE);
        assertThat(rows("SELECT COUNT(*) FROM outbox_message WHERE applicant_id = :a AND kind = 'DOCUMENT_ACCEPTED'", CHLOE)).isEqualTo(1);
        assertThat(ubc.factsAwaitingVerification(CYCLE, null).getAwaiting()).extracting(AwaitingFact::getApplicantId).doesNotContain(CHLOE);
        // Audited under the staff member's account, never the bootstrap token.
        assertThat(rows("SELECT COUNT(*) FROM audit_log WHERE target = 'applicant:' || :a AND action IN ('applicant.fact.refused', "
                + "'applicant.fact.verified', 'applicant.document.accepted') AND actor LIKE 'user:%'", CHLOE)).isEqualTo(4);
    }

    @Test
    void anotherFacultysStudentOrAnImgDoesNotExistForAFaculty() throws Exception {
        FactDecisionRequest accept = new FactDecisionRequest().decision(FactDecisionRequest.DecisionEnum.ACCEPTED);
        // McGill staff on UBC's student: no decision, no documents, nothing changed.
        notFound(() -> mcgill.decideFact(CYCLE, CHLOE, ProfileFact.CATEGORY, accept));
        notFound(() -> mcgill.listDocuments(CYCLE, CHLOE));
        notFound(() -> mcgill.decideDocument(CYCLE, CHLOE, 1L,
                new DocumentDecisionRequest().decision(DocumentDecisionRequest.DecisionEnum.ACCEPTED)));
        // UBC staff on an IMG, and on a CMG who named no school.
        notFound(() -> ubc.decideFact(CYCLE, "A-2001", ProfileFact.CATEGORY, accept));
        notFound(() -> ubc.listDocuments(CYCLE, "A-2025"));
        notFound(() -> ubc.decideFact(CYCLE, "A-1002", ProfileFact.DEGREE, accept));
        // Nor do they read an applicant's profile or catalogue, which stay the operator's and the applicant's.
        assertThat(failure(403, () -> ubc.getApplicant(CYCLE, CHLOE)).getCode()).isEqualTo("FORBIDDEN");
        assertThat(rows(
                "SELECT COUNT(*) FROM audit_log WHERE target = 'applicant:' || :a AND action LIKE 'applicant.fact.%' AND actor LIKE 'user:%'",
                "A-1002")).isZero();
    }

    @Test
    void namingAMedicalSchoolHandsTheFactsToThatFacultyAndReopensWhatAFacultyDecided() throws Exception {
        var emilie = demo.signIn("emilie.tremblay@applicant.example", DemoData.PASSWORD);
        ApplicantsApi own = new ApplicantsApi(emilie.client());
        DeclaredProfileRequest profile = new DeclaredProfileRequest().category(ApplicantCategory.CMG)
                .studyStatus(StudyStatus.FINAL_YEAR_STUDENT)
                .graduationDate(java.time.LocalDate.of(2025, 5, 30));

        invalidField("medicalSchool", () -> own.declareProfile(CYCLE, EMILIE, profile.medicalSchool("HOGWARTS")));
        assertThat(operator.getApplicant(CYCLE, EMILIE).getMedicalSchool()).isNull();
        ApplicantProfile declared = own.declareProfile(CYCLE, EMILIE, profile.medicalSchool("MCGILL"));

        assertThat(declared.getMedicalSchool()).isEqualTo("MCGILL");
        // Her category and degree had been verified by a faculty: the one she names now confirms them again.
        assertThat(fact(declared, ProfileFact.CATEGORY).getState()).isEqualTo(FactCheck.StateEnum.AWAITING_VERIFICATION);
        assertThat(fact(declared, ProfileFact.DEGREE).getState()).isEqualTo(FactCheck.StateEnum.AWAITING_VERIFICATION);
        assertThat(fact(declared, ProfileFact.CITIZENSHIP).getState()).isEqualTo(FactCheck.StateEnum.VERIFIED);
        assertThat(mcgill.factsAwaitingVerification(CYCLE, null).getAwaiting()).extracting(AwaitingFact::getApplicantId).contains(EMILIE);
        assertThat(ubc.factsAwaitingVerification(CYCLE, null).getAwaiting()).extracting(AwaitingFact::getApplicantId)
                .doesNotContain(EMILIE);
        notFound(() -> ubc.decideFact(CYCLE, EMILIE, ProfileFact.CATEGORY,
                new FactDecisionRequest().decision(FactDecisionRequest.DecisionEnum.ACCEPTED)));
        ApplicantProfile verified = mcgill.decideFact(CYCLE, EMILIE, ProfileFact.CATEGORY,
                new FactDecisionRequest().decision(FactDecisionRequest.DecisionEnum.ACCEPTED));
        assertThat(fact(verified, ProfileFact.CATEGORY).getDecidedBy()).isEqualTo("McGill University");
        assertThat(rows("SELECT COUNT(*) FROM audit_log WHERE target = 'applicant:' || :a AND action = 'applicant.medicalSchool.declared'",
                EMILIE))
                .isEqualTo(1);

        // Left out, the school stays as it is.
        assertThat(own.declareProfile(CYCLE, EMILIE, new DeclaredProfileRequest().category(ApplicantCategory.CMG)
                .studyStatus(StudyStatus.FINAL_YEAR_STUDENT).graduationDate(java.time.LocalDate.of(2025, 5, 30))).getMedicalSchool())
                .isEqualTo("MCGILL");
    }
}
