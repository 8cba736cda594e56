package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.residencymatch.applicant.FactVerificationService.FactLine;
import org.residencymatch.applicant.Identity;
import org.residencymatch.applicant.VerifiedFacts;
import org.residencymatch.catalogue.Catalogue;
import org.residencymatch.catalogue.CatalogueEntry;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Citizenship;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.Contact;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.eligibility.DocumentKind;
import org.residencymatch.eligibility.EligibilityDecision;
import org.residencymatch.eligibility.ExamResult;
import org.residencymatch.eligibility.FactPolicy;
import org.residencymatch.eligibility.FactStatus;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.NextStep;
import org.residencymatch.eligibility.Positions;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.eligibility.Provenance;
import org.residencymatch.eligibility.Reason;
import org.residencymatch.eligibility.RulesFileId;
import org.residencymatch.eligibility.StudyStatus;
import org.residencymatch.eligibility.VerificationPolicy;
import org.residencymatch.eligibility.Verifier;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;
import org.residencymatch.reconciliation.CaseStatus;
import org.residencymatch.reconciliation.ReconciliationCase;

/**
 * The exact JSON text of the API's main shapes, through the server's own mapper: field names, their
 * order, nulls written out, dates as ISO text, enums by name. The generated client in the API tests
 * checks names and types; this pins the bytes, so moving from maps to records changes nothing on the wire.
 */
class ApiJsonShapeTest {

    private static final ObjectMapper JSON = WebServer.apiJsonMapper();

    private static final ProgramStream STREAM = new ProgramStream("1234", "P-12", "UOFT", "University of Toronto", "Université de Toronto",
            Province.ON, 7, "Family Medicine", "Toronto", "Family Medicine - Toronto", StreamType.CMG, true, false, 4,
            "https://example.org/1234");
    private static final Contact OPERATOR = new Contact("operator", new LocalizedText("The operator", "L'opérateur"),
            new LocalizedText("/help", "/aide"));
    private static final Reason REASON = new Reason("AIMG_LIST_REQUIRED", Decision.APPLY_ELSEWHERE, new LocalizedText("Apply to AIMG.",
            "Postulez à l'AIMG."),
            new NextStep(new LocalizedText("Contact AIMG.", "Contactez l'AIMG."),
                    new Contact("aimg", new LocalizedText("AIMG", "AIMG"), new LocalizedText("https://aimg.ca", "https://aimg.ca/fr"))),
            new Provenance("AB-1", new RulesFileId("2025-R1", 1, 3), ListKind.AIMG, 2));
    private static final Reason CONDITION = new Reason("CITIZENSHIP_NOT_VERIFIED", Decision.SELECTABLE, new LocalizedText("Unverified.",
            "Non vérifié."), new NextStep(new LocalizedText("Upload proof.", "Téléversez une preuve."), OPERATOR),
            new Provenance("ALL-2", new RulesFileId("2025-R1", 1, 3), null, null));
    private static final Reason REFUSED = new Reason("CITIZENSHIP_REFUSED", Decision.NOT_ELIGIBLE, new LocalizedText("Refused.", "Refusé."),
            new NextStep(new LocalizedText("Ask.", "Demandez."), OPERATOR),
            new Provenance("ALL-3", new RulesFileId("2025-R1", 1, 3), null, null));
    private static final CatalogueEntry ENTRY = new CatalogueEntry(STREAM, new Positions(4, null),
            new EligibilityDecision(Decision.APPLY_ELSEWHERE, List.of(REASON, CONDITION)));

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    @Test
    void aCatalogueEntryWithItsStreamPositionsDecisionAndReasons() throws Exception {
        assertThat(json(ApiJson.CatalogueEntry.of(ENTRY))).isEqualTo(ENTRY_JSON);
    }

    @Test
    void anEligibilityExplanationIsTheEntryAndItsIteration() throws Exception {
        String entryFields = ENTRY_JSON.substring(0, ENTRY_JSON.length() - 1);
        assertThat(json(ApiJson.EligibilityExplanation.of(ENTRY, 2))).isEqualTo(entryFields + ",\"iteration\":2}");
    }

    @Test
    void aCatalogueIsItsPageCountsAndEntries() throws Exception {
        Map<Decision, Integer> counts = new java.util.EnumMap<>(Decision.class);
        for (Decision d : Decision.values()) counts.put(d, d.ordinal());
        Catalogue catalogue = new Catalogue("2025-R1", "A-1", 2, List.of(ENTRY), 815, 1, 1, 50, counts);
        assertThat(json(ApiJson.Catalogue.of(catalogue)))
                .isEqualTo("{\"cycle\":\"2025-R1\",\"applicantId\":\"A-1\",\"iteration\":2,\"page\":1,"
                        + "\"pageSize\":50,\"total\":1,\"counts\":{\"SELECTABLE\":0,\"PENDING\":1,\"APPLY_ELSEWHERE\":2,\"NOT_ELIGIBLE\":3},"
                        + "\"items\":[" + ENTRY_JSON + "]}");
    }

    @Test
    void anApplicantWithIdentityFactsVerifiedFactsAndChecks() throws Exception {
        Identity identity = new Identity("A-1", "Tremblay", "Marie Ève", LocalDate.of(1998, 2, 3), "marie@example.org", "101-234-567",
                null);
        ApplicantFacts facts = ApplicantFacts.builder("A-1", ApplicantCategory.IMG)
                .citizenship(Citizenship.PERMANENT_RESIDENT)
                .status(StudyStatus.GRADUATE)
                .mdGraduationDate(LocalDate.of(2020, 6, 1))
                .mccqe1(ExamResult.PASSED)
                .nac(ExamResult.NOT_TAKEN)
                .cmqApproval(CmqApproval.NONE)
                .provincialTie(Province.QC)
                .provincialTie(Province.AB)
                .highSchoolYears(Province.QC, 3)
                .highSchoolYears(Province.AB, 2)
                .latestClinicalActivityDate(LocalDate.of(2024, 5, 31))
                .build();
        FactPolicy citizenship = new FactPolicy(ProfileFact.CITIZENSHIP, VerificationPolicy.PROVISIONAL, List.of(Verifier.OPERATOR),
                DocumentKind.CITIZENSHIP_PROOF, CONDITION, REFUSED);
        List<FactLine> checks = List.of(
                new FactLine(ProfileFact.CITIZENSHIP, citizenship, "AWAITING_VERIFICATION", FactStatus.AWAITING, null),
                new FactLine(ProfileFact.CITIZENSHIP, citizenship, "REFUSED",
                        FactStatus.refused(Verifier.OPERATOR, "ops@example.org", LocalDate.of(2025, 1, 2),
                                new LocalizedText("No.", "Non.")),
                        null),
                new FactLine(ProfileFact.CATEGORY, FactPolicy.selfDeclared(ProfileFact.CATEGORY), "SELF_DECLARED", FactStatus.AWAITING,
                        null),
                new FactLine(ProfileFact.CITIZENSHIP, citizenship, "VERIFIED", FactStatus.AWAITING, 4));
        List<VerifiedFacts.Fact> verified = List.of(new VerifiedFacts.Fact("mccqe1", VerifiedFacts.Source.MCC, 0),
                new VerifiedFacts.Fact("category", VerifiedFacts.Source.QIMG_LIST, 4));
        assertThat(json(ApiJson.ApplicantProfile.of("2025-R1", identity, facts, verified, checks, null))).isEqualTo(APPLICANT_JSON);
    }

    @Test
    void aReconciliationCaseWithItsComments() throws Exception {
        ReconciliationCase open = new ReconciliationCase(9, "2025-R1", "A-1", "QC_REGULIER_QIMG_LIST", ListKind.QIMG, 3,
                CaseStatus.RESOLVED,
                "Summary.", "Résumé.", LocalDateTime.of(2025, 1, 2, 3, 4, 5), LocalDateTime.of(2025, 1, 3, 0, 0), "ops", "Fixed.",
                List.of(new ReconciliationCase.Comment("ops", LocalDateTime.of(2025, 1, 2, 10, 0, 30), "Looked.")));
        assertThat(json(ApiJson.ReconciliationCase.of(open))).isEqualTo(CASE_JSON);
        assertThat(json(new ApiJson.CaseList("2025-R1", List.of(ApiJson.ReconciliationCase.of(open)))))
                .isEqualTo("{\"cycle\":\"2025-R1\",\"cases\":[" + CASE_JSON + "]}");
    }

    @Test
    void aHelpCaseWithItsReasonsAndAnswers() throws Exception {
        var answer = new org.residencymatch.help.HelpCase.Answer("desk", LocalDateTime.of(2025, 2, 1, 9, 30), "See the AIMG.");
        var help = new org.residencymatch.help.HelpCase(3, "2025-R1", "A-1", 1, "1234", "Family Medicine - Toronto",
                Decision.APPLY_ELSEWHERE,
                List.of(REASON), null, org.residencymatch.help.HelpCaseStatus.ANSWERED, LocalDateTime.of(2025, 2, 1, 8, 0), null, null,
                List.of(answer));
        String reason = json(ApiJson.Reason.of(REASON));
        String expected = "{\"id\":3,\"cycle\":\"2025-R1\",\"applicantId\":\"A-1\",\"iteration\":1,\"streamId\":\"1234\","
                + "\"streamLabel\":\"Family Medicine - Toronto\",\"decision\":\"APPLY_ELSEWHERE\",\"reasons\":[" + reason + "],"
                + "\"message\":null,\"status\":\"ANSWERED\",\"openedAt\":\"2025-02-01T08:00:00\",\"closedAt\":null,\"closedBy\":null,"
                + "\"answers\":[{\"author\":\"desk\",\"writtenAt\":\"2025-02-01T09:30:00\",\"body\":\"See the AIMG.\"}]}";
        assertThat(json(HelpApiJson.HelpCase.of(help))).isEqualTo(expected);
        assertThat(json(HelpApiJson.HelpCaseList.of("2025-R1", List.of(help))))
                .isEqualTo("{\"cycle\":\"2025-R1\",\"cases\":[" + expected + "]}");
    }

    @Test
    void anApplicantSearchAndAReceiptCheck() throws Exception {
        var hit = new org.residencymatch.applicant.ApplicantDirectory.Hit("A-1", "Tremblay", "Marie", null, "101", "IMG");
        assertThat(json(PeopleApiJson.ApplicantSearchResults.of(new org.residencymatch.applicant.ApplicantDirectory.Results("trem",
                List.of(hit), 0, 25, true)))).isEqualTo("{\"q\":\"trem\",\"offset\":0,\"limit\":25,\"more\":true,\"applicants\":["
                        + "{\"applicantId\":\"A-1\",\"familyName\":\"Tremblay\",\"givenNames\":\"Marie\",\"email\":null,\"minc\":\"101\","
                        + "\"category\":\"IMG\"}]}");
        var list = new org.residencymatch.application.RankList(1, "APPLICANT", "A-1", 2, "SAVED", LocalDateTime.of(2025, 2, 3, 4, 5, 6),
                "A-1",
                List.of(new org.residencymatch.application.RankList.Entry("1234", null)));
        assertThat(json(PeopleApiJson.ReceiptCheck.of(new ReceiptPages.Check("ABCDEFGHIJ", java.util.Optional.of(list)))))
                .isEqualTo("{\"code\":\"ABCDE-FGHIJ\",\"matches\":true,\"version\":2,\"savedAt\":\"2025-02-03T04:05:06\","
                        + "\"entries\":[{\"item\":\"1234\",\"second\":null}]}");
        assertThat(json(PeopleApiJson.ReceiptCheck.of(new ReceiptPages.Check("ABCDEFGHIJ", java.util.Optional.empty()))))
                .isEqualTo("{\"code\":\"ABCDE-FGHIJ\",\"matches\":false,\"version\":null,\"savedAt\":null,\"entries\":null}");
    }

    @Test
    void accountsTokensAuditEntriesAndQuotaChanges() throws Exception {
        var account = new org.residencymatch.account.Accounts.Summary(5, "p@example.org", "Pat", org.residencymatch.account.Role.PARTNER,
                null,
                null, "AIMG", true);
        assertThat(json(new AccountJson.Accounts(List.of(AccountJson.Account.of(account))))).isEqualTo("{\"accounts\":[{\"id\":5,"
                + "\"email\":\"p@example.org\",\"displayName\":\"Pat\",\"role\":\"PARTNER\",\"facultyId\":null,\"partnerBody\":\"AIMG\"}]}");
        var token = new org.residencymatch.account.Accounts.TokenSummary(7, 5, "ci", LocalDateTime.of(2025, 1, 1, 0, 0, 1), null);
        String tokenJson = "\"id\":7,\"userId\":5,\"label\":\"ci\",\"createdAt\":\"2025-01-01T00:00:01\",\"revokedAt\":null";
        assertThat(json(new AccountJson.ApiTokens(List.of(AccountJson.ApiToken.of(token)))))
                .isEqualTo("{\"tokens\":[{" + tokenJson + "}]}");
        assertThat(json(AccountJson.IssuedApiToken.of(token, "secret"))).isEqualTo("{" + tokenJson + ",\"token\":\"secret\"}");
        var entry = new org.residencymatch.audit.AuditEntry(11, LocalDateTime.of(2025, 1, 2, 3, 4, 5, 600_000_000), "ops", "quota.set",
                "1234", null);
        assertThat(json(AuditJson.AuditEntryPage.of(new org.residencymatch.audit.AuditPage(List.of(entry), 1, 50, 1))))
                .isEqualTo("{\"entries\":[{\"id\":11,\"at\":\"2025-01-02T03:04:05.6\",\"actor\":\"ops\",\"action\":\"quota.set\","
                        + "\"target\":\"1234\",\"details\":null}],\"page\":1,\"pageSize\":50,\"total\":1,\"pageCount\":1}");
        assertThat(json(ProgramQuotaJson.QuotaChange.of(new org.residencymatch.program.QuotaService.QuotaChange("2025-R1", "1234", 4, 6))))
                .isEqualTo("{\"cycle\":\"2025-R1\",\"streamId\":\"1234\",\"previousQuota\":4,\"quota\":6}");
    }

    @Test
    void anIterationsCalendarAndACyclesTimeZone() throws Exception {
        var cycle = new org.residencymatch.cycle.Cycle("2025-R1", "R-1 2025", 2025,
                List.of(new org.residencymatch.cycle.Cycle.PhaseStart(1, org.residencymatch.cycle.Phase.REGISTRATION,
                        LocalDateTime.of(2024, 9, 1, 12, 0)),
                        new org.residencymatch.cycle.Cycle.PhaseStart(2, org.residencymatch.cycle.Phase.REGISTRATION,
                                LocalDateTime.of(2025, 3, 1, 12, 0))),
                java.time.ZoneId.of("America/Halifax"));
        assertThat(json(CalendarJson.Calendar.of(cycle, 1)))
                .isEqualTo("{\"cycle\":\"2025-R1\",\"iteration\":1,\"timeZone\":\"America/Halifax\","
                        + "\"phases\":[{\"phase\":\"REGISTRATION\",\"startsAt\":\"2024-09-01T12:00:00\"}]}");
        assertThat(json(new CalendarJson.CycleTimeZone("2025-R1", "UTC"))).isEqualTo("{\"cycle\":\"2025-R1\",\"timeZone\":\"UTC\"}");
    }

    @Test
    void aParkedMessageLeavesOutWhatIsUnknownAndWritesItsTimesAsText() throws Exception {
        var email = new org.residencymatch.notification.Outbox.Parked(4, org.residencymatch.notification.Outbox.Channel.EMAIL, null,
                "a@example.org", "welcome", "email.welcome", 5, "SMTP 550", LocalDateTime.of(2025, 1, 1, 9, 0),
                LocalDateTime.of(2025, 1, 1, 9, 30, 15));
        var notice = new org.residencymatch.notification.Outbox.Parked(5, org.residencymatch.notification.Outbox.Channel.APPLICANT, "A-1",
                null,
                "result", "notice.result", 1, null, LocalDateTime.of(2025, 1, 1, 9, 0), LocalDateTime.of(2025, 1, 1, 9, 0));
        assertThat(json(new OutboxJson.ParkedMessages(2, List.of(OutboxJson.ParkedMessage.of(email), OutboxJson.ParkedMessage.of(notice)))))
                .isEqualTo(
                        "{\"pending\":2,\"parked\":[{\"id\":4,\"channel\":\"EMAIL\",\"recipient\":\"a@example.org\",\"kind\":\"welcome\","
                                + "\"subjectKey\":\"email.welcome\",\"attempts\":5,\"lastFailure\":\"SMTP 550\",\"createdAt\":\"2025-01-01T09:00\","
                                + "\"parkedAt\":\"2025-01-01T09:30:15\"},{\"id\":5,\"channel\":\"APPLICANT\",\"applicantId\":\"A-1\",\"kind\":\"result\","
                                + "\"subjectKey\":\"notice.result\",\"attempts\":1,\"createdAt\":\"2025-01-01T09:00\",\"parkedAt\":\"2025-01-01T09:00\"}]}");
    }

    private static final String ENTRY_JSON = """
            {"stream":{"id":"1234","programId":"P-12","facultyId":"UOFT","faculty":{"en":"University of Toronto",\
            "fr":"Université de Toronto"},"province":"ON","disciplineId":7,"discipline":"Family Medicine",\
            "site":"Toronto","name":"Family Medicine - Toronto","streamType":"CMG","returnOfService":true,\
            "includesMilitary":false,"quota":4,"url":"https://example.org/1234"},"positions":{"quota":4,"left":null},\
            "decision":"APPLY_ELSEWHERE","reasons":[{"code":"AIMG_LIST_REQUIRED","outcome":"APPLY_ELSEWHERE",\
            "message":{"en":"Apply to AIMG.","fr":"Postulez à l'AIMG."},"nextStep":{"action":{"en":"Contact AIMG.",\
            "fr":"Contactez l'AIMG."},"contact":{"id":"aimg","name":{"en":"AIMG","fr":"AIMG"},\
            "link":{"en":"https://aimg.ca","fr":"https://aimg.ca/fr"}}},"provenance":{"ruleId":"AB-1",\
            "rulesFile":"2025-R1/iteration-1 v3","listKind":"AIMG","listVersion":2}},{"code":"CITIZENSHIP_NOT_VERIFIED",\
            "outcome":"SELECTABLE","message":{"en":"Unverified.","fr":"Non vérifié."},\
            "nextStep":{"action":{"en":"Upload proof.","fr":"Téléversez une preuve."},"contact":{"id":"operator",\
            "name":{"en":"The operator","fr":"L'opérateur"},"link":{"en":"/help","fr":"/aide"}}},\
            "provenance":{"ruleId":"ALL-2","rulesFile":"2025-R1/iteration-1 v3","listKind":null,"listVersion":null}}]}""";
    private static final String APPLICANT_JSON = """
            {"cycle":"2025-R1","applicantId":"A-1","familyName":"Tremblay","givenNames":"Marie Ève",\
            "dateOfBirth":"1998-02-03","email":"marie@example.org","minc":"101-234-567","mccCandidateCode":null,\
            "category":"IMG","citizenship":"PERMANENT_RESIDENT","studyStatus":"GRADUATE","graduationDate":"2020-06-01",\
            "priorPostgraduateTraining":false,"fellowshipCanadaUs":false,"mccqe1":"PASSED","nac":"NOT_TAKEN",\
            "cmqApproval":"NONE","militaryTrainingPlanMember":false,"provincialTies":["AB","QC"],\
            "highSchoolYears":{"QC":3,"AB":2},"latestClinicalActivityDate":"2024-05-31","verified":[{"field":"mccqe1",\
            "source":"MCC","listVersion":null},{"field":"category","source":"QIMG_LIST","listVersion":4}],\
            "facts":[{"fact":"CITIZENSHIP","policy":"PROVISIONAL","verifiedBy":["OPERATOR"],\
            "document":"CITIZENSHIP_PROOF","state":"AWAITING_VERIFICATION","verifier":null,"decidedBy":null,\
            "decidedOn":null,"refusal":null,"code":"CITIZENSHIP_NOT_VERIFIED","nextStep":{"en":"Upload proof.",\
            "fr":"Téléversez une preuve."}},{"fact":"CITIZENSHIP","policy":"PROVISIONAL","verifiedBy":["OPERATOR"],\
            "document":"CITIZENSHIP_PROOF","state":"REFUSED","verifier":"OPERATOR","decidedBy":"ops@example.org",\
            "decidedOn":"2025-01-02","refusal":{"en":"No.","fr":"Non."},"code":"CITIZENSHIP_NOT_VERIFIED",\
            "nextStep":{"en":"Upload proof.","fr":"Téléversez une preuve."}},{"fact":"CATEGORY","policy":"SELF_DECLARED",\
            "verifiedBy":[],"document":null,"state":"SELF_DECLARED","verifier":null,"decidedBy":null,"decidedOn":null,\
            "refusal":null,"code":null,"nextStep":null},{"fact":"CITIZENSHIP","policy":"PROVISIONAL",\
            "verifiedBy":["OPERATOR"],"document":"CITIZENSHIP_PROOF","state":"VERIFIED","verifier":"PARTNER_LIST",\
            "decidedBy":"BCI's QIMG list, version 4","decidedOn":null,"refusal":null,"code":null,"nextStep":null}],\
            "medicalSchool":null}""";
    private static final String CASE_JSON = """
            {"id":9,"cycle":"2025-R1","applicantId":"A-1","code":"QC_REGULIER_QIMG_LIST","listKind":"QIMG",\
            "listVersion":3,"status":"RESOLVED","summary":{"en":"Summary.","fr":"Résumé."},\
            "openedAt":"2025-01-02T03:04:05","closedAt":"2025-01-03T00:00:00","closedBy":"ops","resolution":"Fixed.",\
            "comments":[{"author":"ops","writtenAt":"2025-01-02T10:00:30","body":"Looked."}]}""";
}
