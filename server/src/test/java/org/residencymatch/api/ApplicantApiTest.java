package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.invalidField;
import static org.residencymatch.api.DemoApiServer.notFound;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.ApiResponse;
import org.residencymatch.api.client.api.ApplicantsApi;
import org.residencymatch.api.client.api.CasesApi;
import org.residencymatch.api.client.api.CatalogueApi;
import org.residencymatch.api.client.model.ApplicantCategory;
import org.residencymatch.api.client.model.ApplicantProfile;
import org.residencymatch.api.client.model.VerifiedFact;
import org.residencymatch.api.client.model.ApplicantProfileRequest;
import org.residencymatch.api.client.model.AwaitingFact;
import org.residencymatch.api.client.model.CaseStatus;
import org.residencymatch.api.client.model.CatalogueEntry;
import org.residencymatch.api.client.model.Citizenship;
import org.residencymatch.api.client.model.CmqApproval;
import org.residencymatch.api.client.model.Decision;
import org.residencymatch.api.client.model.ExamResult;
import org.residencymatch.api.client.model.FactCheck;
import org.residencymatch.api.client.model.FactDecisionRequest;
import org.residencymatch.api.client.model.LocalizedText;
import org.residencymatch.api.client.model.ProfileFact;
import org.residencymatch.api.client.model.Verifier;
import org.residencymatch.api.client.model.Province;
import org.residencymatch.api.client.model.Reason;
import org.residencymatch.api.client.model.ReconciliationCase;
import org.residencymatch.api.client.model.StreamType;
import org.residencymatch.api.client.model.StudyStatus;
import org.residencymatch.store.DatabaseTest;

/** Reading, creating and correcting applicants through the generated client, as the operator. */
@DatabaseTest
class ApplicantApiTest {

    /** A valid body for a PUT with these two fields to change, written as JSON by hand. */
    private static final String VALID_BODY_WITH = """
            {"familyName": "Okoye", "givenNames": "Ada", "category": "IMG", "citizenship": "CITIZEN",
             "studyStatus": "GRADUATE", %s}""";

    static DemoApiServer demo;
    static ApplicantsApi applicants;

    @BeforeAll
    static void start() {
        demo = DemoApiServer.start();
        applicants = new ApplicantsApi(demo.operator());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** An IMG who is a citizen, has passed the MCC exams and declares no CMQ approval: on no list. */
    private static ApplicantProfileRequest imgOnNoList() {
        return new ApplicantProfileRequest()
                .familyName("Okoye")
                .givenNames("Ada Nneka")
                .dateOfBirth(LocalDate.of(1992, 3, 14))
                .email("ada.okoye@applicant.example")
                .category(ApplicantCategory.IMG)
                .citizenship(Citizenship.CITIZEN)
                .studyStatus(StudyStatus.GRADUATE)
                .graduationDate(LocalDate.of(2023, 6, 1))
                .mccqe1(ExamResult.PASSED)
                .nac(ExamResult.PASSED)
                .cmqApproval(CmqApproval.NONE)
                .provincialTies(Set.of(Province.ON, Province.NS))
                .highSchoolYears(Map.of("ON", 4));
    }

    private static List<String> quebecReasonCodes(String applicantId) throws ApiException {
        List<CatalogueEntry> quebec = new CatalogueApi(demo.operator())
                .getCatalogue(CYCLE, applicantId, Province.QC, null, StreamType.REGULAR_FOR_ALL, null, null, null, null, 1000).getItems();
        assertThat(quebec).isNotEmpty().allSatisfy(entry -> assertThat(entry.getDecision()).isEqualTo(Decision.NOT_ELIGIBLE));
        return quebec.stream().flatMap(entry -> entry.getReasons().stream()).map(Reason::getCode).distinct().toList();
    }

    private static List<ReconciliationCase> openCasesOf(String applicantId) throws ApiException {
        return new CasesApi(demo.operator()).listCases(CYCLE, "OPEN").getCases().stream()
                .filter(c -> c.getApplicantId().equals(applicantId)).toList();
    }

    /** The audit rows about one target, oldest first, as "actor action". */
    private static List<String> auditTrail(String target) {
        return demo.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT actor, action FROM audit_log WHERE target = :target ORDER BY id")
                .bind("target", target).map((rs, ctx) -> rs.getString("actor") + " " + rs.getString("action")).list());
    }

    @Test
    void readsADemoApplicant() throws ApiException {
        ApplicantProfile carlos = applicants.getApplicant(CYCLE, "A-2006");

        assertThat(carlos.getCycle()).isEqualTo(CYCLE);
        assertThat(carlos.getApplicantId()).isEqualTo("A-2006");
        assertThat(carlos.getFamilyName()).isEqualTo("Mendoza");
        assertThat(carlos.getCategory()).isEqualTo(ApplicantCategory.IMG);
        assertThat(carlos.getCmqApproval()).isEqualTo(CmqApproval.PARTICULIER);
        assertThat(carlos.getFellowshipCanadaUs()).isTrue();
        assertThat(carlos.getEmail()).endsWith("@applicant.example");
    }

    @Test
    void saysWhichFactsOthersVerifyAndWho() throws ApiException {
        assertThat(applicants.getApplicant(CYCLE, "A-2006").getVerified())
                .extracting(VerifiedFact::getField, VerifiedFact::getSource, VerifiedFact::getListVersion)
                .containsExactly(tuple(VerifiedFact.FieldEnum.MCCQE1, VerifiedFact.SourceEnum.MCC, null),
                        tuple(VerifiedFact.FieldEnum.NAC, VerifiedFact.SourceEnum.MCC, null));
        // Jean-François's CMQ approval is stated by BCI's QIMG list (version 1 in the demo).
        assertThat(applicants.getApplicant(CYCLE, "A-2004").getVerified()).last()
                .extracting(VerifiedFact::getField, VerifiedFact::getSource, VerifiedFact::getListVersion)
                .containsExactly(VerifiedFact.FieldEnum.CMQ_APPROVAL, VerifiedFact.SourceEnum.QIMG_LIST, 1);
    }

    @Test
    void theOperatorVerifiesAndRefusesFactsTheCatalogueChangesAtOnceAndTheProfileSaysWhereEachStands() throws ApiException {
        // Ravi (A-2025) has only declared: his category blocks (pending), the rest would be conditions.
        String ravi = "A-2025", ontarioImg = "27039";
        CatalogueApi catalogue = new CatalogueApi(demo.operator());
        FactCheck category = fact(applicants.getApplicant(CYCLE, ravi), ProfileFact.CATEGORY);
        assertThat(category.getState()).isEqualTo(FactCheck.StateEnum.AWAITING_VERIFICATION);
        assertThat(category.getPolicy()).isEqualTo(FactCheck.PolicyEnum.BLOCKING);
        assertThat(category.getCode()).isEqualTo("CATEGORY_NOT_VERIFIED");
        assertThat(category.getNextStep().getFr()).isNotBlank();
        assertThat(catalogue.explainEligibility(CYCLE, ravi, ontarioImg, null).getDecision()).isEqualTo(Decision.PENDING);
        List<AwaitingFact> queue = applicants.factsAwaitingVerification(CYCLE, 5000).getAwaiting();
        assertThat(queue).extracting(AwaitingFact::getApplicantId, AwaitingFact::getFact)
                .contains(tuple(ravi, ProfileFact.CATEGORY), tuple(ravi, ProfileFact.CITIZENSHIP))
                .as("a refused fact is decided, not awaiting").doesNotContain(tuple("A-2026", ProfileFact.CITIZENSHIP))
                .as("a verified fact is not in the queue").doesNotContain(tuple("A-2001", ProfileFact.CATEGORY));
        assertThat(queue).extracting(AwaitingFact::getDeclaredAt).isSorted();

        ApplicantProfile verified = applicants.decideFact(CYCLE, ravi, ProfileFact.CATEGORY,
                new FactDecisionRequest().decision(FactDecisionRequest.DecisionEnum.ACCEPTED).verifier(Verifier.OPERATOR));

        assertThat(fact(verified, ProfileFact.CATEGORY).getState()).isEqualTo(FactCheck.StateEnum.VERIFIED);
        assertThat(fact(verified, ProfileFact.CATEGORY).getDecidedOn()).isNotNull();
        assertThat(applicants.factsAwaitingVerification(CYCLE, 5000).getAwaiting())
                .extracting(AwaitingFact::getApplicantId, AwaitingFact::getFact)
                .doesNotContain(tuple(ravi, ProfileFact.CATEGORY)).contains(tuple(ravi, ProfileFact.CITIZENSHIP));
        var provisional = catalogue.explainEligibility(CYCLE, ravi, ontarioImg, null);
        assertThat(provisional.getDecision()).as("selectable, subject to verification").isEqualTo(Decision.SELECTABLE);
        assertThat(provisional.getReasons()).extracting(Reason::getCode)
                .containsExactly("CITIZENSHIP_NOT_VERIFIED", "DEGREE_NOT_VERIFIED", "MCC_EXAMS_NOT_VERIFIED");

        // Bad decisions are refused, naming the field, and change nothing.
        assertThat(DemoApiServer.invalidField("reason", () -> applicants.decideFact(CYCLE, ravi, ProfileFact.CITIZENSHIP,
                new FactDecisionRequest().decision(FactDecisionRequest.DecisionEnum.REFUSED))).getCode()).isNotBlank();
        assertThat(DemoApiServer.invalidField("verifier", () -> applicants.decideFact(CYCLE, ravi, ProfileFact.CITIZENSHIP,
                new FactDecisionRequest().decision(FactDecisionRequest.DecisionEnum.ACCEPTED).verifier(Verifier.MCC))).getMessage())
                .contains("OPERATOR");
        assertThat(fact(applicants.getApplicant(CYCLE, ravi), ProfileFact.CITIZENSHIP).getState())
                .isEqualTo(FactCheck.StateEnum.AWAITING_VERIFICATION);

        ApplicantProfile refused = applicants.decideFact(CYCLE, ravi, ProfileFact.CITIZENSHIP, new FactDecisionRequest()
                .decision(FactDecisionRequest.DecisionEnum.REFUSED)
                .reason(new LocalizedText().en("The card has expired.").fr("La carte est expirée.")));

        assertThat(fact(refused, ProfileFact.CITIZENSHIP).getRefusal().getFr()).isEqualTo("La carte est expirée.");
        assertThat(fact(refused, ProfileFact.CITIZENSHIP).getDecidedBy()).isEqualTo("the match operator");
        var closed = catalogue.explainEligibility(CYCLE, ravi, ontarioImg, null);
        assertThat(closed.getDecision()).isEqualTo(Decision.NOT_ELIGIBLE);
        assertThat(closed.getReasons()).extracting(Reason::getCode).contains("CITIZENSHIP_NOT_VERIFIED");
        // Who may decide is the operator only: RouteAccessTest walks this route with every role.
    }

    private static FactCheck fact(ApplicantProfile profile, ProfileFact fact) {
        return profile.getFacts().stream().filter(f -> f.getFact() == fact).findFirst().orElseThrow();
    }

    @Test
    void createsThenCorrectsAnApplicantAndTheCorrectionChangesTheirCatalogue() throws ApiException {
        String id = "T-0001";

        ApiResponse<ApplicantProfile> created = applicants.putApplicantWithHttpInfo(CYCLE, id, imgOnNoList());

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getData().getApplicantId()).isEqualTo(id);
        ApplicantProfile stored = applicants.getApplicant(CYCLE, id);
        assertThat(stored).isEqualTo(created.getData());
        assertThat(stored.getGivenNames()).isEqualTo("Ada Nneka");
        assertThat(stored.getDateOfBirth()).isEqualTo(LocalDate.of(1992, 3, 14));
        assertThat(stored.getProvincialTies()).containsExactly(Province.NS, Province.ON);
        assertThat(stored.getHighSchoolYears()).containsExactly(Map.entry("ON", 4));
        assertThat(stored.getPriorPostgraduateTraining()).isFalse();
        assertThat(stored.getMinc()).isNull();
        assertThat(quebecReasonCodes(id)).contains("QIMG_LIST_REQUIRED").doesNotContain("QUEBEC_REGULIER_NOT_ON_LIST");
        assertThat(openCasesOf(id)).isEmpty();

        ApiResponse<ApplicantProfile> corrected = applicants.putApplicantWithHttpInfo(CYCLE, id,
                imgOnNoList().cmqApproval(CmqApproval.REGULIER));

        assertThat(corrected.getStatusCode()).isEqualTo(200);
        assertThat(applicants.getApplicant(CYCLE, id).getCmqApproval()).isEqualTo(CmqApproval.REGULIER);
        assertThat(quebecReasonCodes(id)).contains("QUEBEC_REGULIER_NOT_ON_LIST");
        List<ReconciliationCase> cases = openCasesOf(id);
        assertThat(cases).singleElement().satisfies(opened -> {
            assertThat(opened.getCode()).isEqualTo("QUEBEC_REGULIER_NOT_ON_LIST");
            assertThat(opened.getStatus()).isEqualTo(CaseStatus.OPEN);
        });
        assertThat(auditTrail("applicant:" + id)).containsExactly("bootstrap-token applicant.created",
                "bootstrap-token applicant.corrected");
        assertThat(auditTrail("case:" + cases.get(0).getId())).containsExactly("system case.opened");
    }

    @Test
    void anOptionalFieldLeftOutOfACorrectionIsCleared() throws ApiException {
        String id = "T-0002";
        applicants.putApplicant(CYCLE, id, imgOnNoList().minc("CAMD-1234-5678"));
        assertThat(applicants.getApplicant(CYCLE, id).getMinc()).isEqualTo("CAMD-1234-5678");

        ApplicantProfile corrected = applicants.putApplicant(CYCLE, id, imgOnNoList().provincialTies(null));

        assertThat(corrected.getMinc()).isNull();
        assertThat(corrected.getProvincialTies()).isEmpty();
        assertThat(applicants.getApplicant(CYCLE, id)).isEqualTo(corrected);
    }

    @Test
    void aMalformedBodyIsRefusedNamingTheField() {
        String id = "T-0003";
        invalidField("familyName", () -> applicants.putApplicant(CYCLE, id, imgOnNoList().familyName(null)));
        invalidField("familyName", () -> applicants.putApplicant(CYCLE, id, imgOnNoList().familyName("   ")));
        invalidField("givenNames", () -> applicants.putApplicant(CYCLE, id, imgOnNoList().givenNames("x".repeat(201))));
        invalidField("category", () -> applicants.putApplicant(CYCLE, id, imgOnNoList().category(null)));
        invalidField("email", () -> applicants.putApplicant(CYCLE, id, imgOnNoList().email("not an address")));

        invalidField("category", () -> new ApplicantsApi(demo.operatorSending(VALID_BODY_WITH.formatted("\"category\": \"DOCTOR\"")))
                .putApplicant(CYCLE, id, imgOnNoList()));
        invalidField("dateOfBirth",
                () -> new ApplicantsApi(demo.operatorSending(VALID_BODY_WITH.formatted("\"dateOfBirth\": \"1990-02-30\"")))
                        .putApplicant(CYCLE, id, imgOnNoList()));
        invalidField("priorPostgraduateTraining", () -> new ApplicantsApi(demo.operatorSending(
                VALID_BODY_WITH.formatted("\"priorPostgraduateTraining\": \"yes\""))).putApplicant(CYCLE, id, imgOnNoList()));
        invalidField("provincialTies",
                () -> new ApplicantsApi(demo.operatorSending(VALID_BODY_WITH.formatted("\"provincialTies\": [\"XX\"]")))
                        .putApplicant(CYCLE, id, imgOnNoList()));
        invalidField("highSchoolYears.ON", () -> applicants.putApplicant(CYCLE, id, imgOnNoList().highSchoolYears(Map.of("ON", 7))));

        notFound(() -> applicants.getApplicant(CYCLE, id));
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefusedWithoutAField() {
        for (String body : List.of("familyName=Okoye", "[1, 2]", "")) {
            var error = DemoApiServer.failure(400,
                    () -> new ApplicantsApi(demo.operatorSending(body)).putApplicant(CYCLE, "T-0004", imgOnNoList()));
            assertThat(error.getCode()).isEqualTo("INVALID_FIELD");
            assertThat(error.getField()).as("a body that is not a JSON object has no field at fault").isNull();
            assertThat(error.getMessage()).contains("JSON");
        }
    }

    @Test
    void anApplicantIdThatIsNotAnIdIsRefused() {
        invalidField("applicantId", () -> applicants.putApplicant(CYCLE, "two words", imgOnNoList()));
        invalidField("applicantId", () -> applicants.putApplicant(CYCLE, "A".repeat(41), imgOnNoList()));
    }

    @Test
    void anUnknownCycleOrApplicantIsNotFound() {
        notFound(() -> applicants.getApplicant("1999-R9", "A-2001"));
        notFound(() -> applicants.getApplicant(CYCLE, "A-9999"));
        notFound(() -> applicants.putApplicant("1999-R9", "T-0005", imgOnNoList()));
    }
}
