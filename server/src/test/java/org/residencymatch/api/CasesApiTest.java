package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.invalidField;
import static org.residencymatch.api.DemoApiServer.notFound;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.api.CasesApi;
import org.residencymatch.api.client.model.CaseComment;
import org.residencymatch.api.client.model.CaseCommentEntry;
import org.residencymatch.api.client.model.CaseList;
import org.residencymatch.api.client.model.ApiError;
import org.residencymatch.api.client.model.CaseResolution;
import org.residencymatch.api.client.model.CaseStatus;
import org.residencymatch.api.client.model.ListKind;
import org.residencymatch.api.client.model.ReconciliationCase;
import org.residencymatch.store.DatabaseTest;

/** Reconciliation cases: listing them by status, commenting on them and resolving them, as the operator. */
@DatabaseTest
class CasesApiTest {

    /** Demo applicants whose profile contradicts BCI's QIMG list, so each has an open case from the start. */
    private static final String REGULIER_MISSING_FROM_QIMG = "A-2005";
    private static final String ON_QIMG_WITHOUT_CMQ_APPROVAL = "A-2018";

    static DemoApiServer demo;
    static CasesApi cases;

    @BeforeAll
    static void start() {
        demo = DemoApiServer.start();
        cases = new CasesApi(demo.operator());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static ReconciliationCase openCaseOf(String applicantId) throws ApiException {
        return cases.listCases(CYCLE, "OPEN").getCases().stream().filter(c -> c.getApplicantId().equals(applicantId))
                .findFirst().orElseThrow(() -> new AssertionError("no open case for " + applicantId));
    }

    @Test
    void theDemoOpensACaseForEachContradictionBetweenAProfileAndTheQimgList() throws ApiException {
        CaseList open = cases.listCases(CYCLE, null);

        assertThat(open.getCycle()).isEqualTo(CYCLE);
        assertThat(open.getCases()).extracting(ReconciliationCase::getApplicantId)
                .contains(REGULIER_MISSING_FROM_QIMG, ON_QIMG_WITHOUT_CMQ_APPROVAL);
        ReconciliationCase fatima = openCaseOf(REGULIER_MISSING_FROM_QIMG);
        assertThat(fatima.getCode()).isEqualTo("QUEBEC_REGULIER_NOT_ON_LIST");
        assertThat(fatima.getListKind()).isEqualTo(ListKind.QIMG);
        assertThat(fatima.getListVersion()).isEqualTo(1);
        assertThat(fatima.getSummary().getEn()).contains("Régulier");
        assertThat(fatima.getSummary().getFr()).contains("régulier");
        assertThat(LocalDateTime.parse(fatima.getOpenedAt())).as("a UTC date-time without offset")
                .isBefore(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(1));
        assertThat(fatima.getClosedAt()).isNull();
        assertThat(fatima.getClosedBy()).isNull();
        assertThat(fatima.getResolution()).isNull();
        assertThat(fatima.getComments()).isEmpty();
    }

    @Test
    void aCaseIsCommentedOnThenResolvedAndTheStatusFilterFollows() throws ApiException {
        long caseId = openCaseOf(ON_QIMG_WITHOUT_CMQ_APPROVAL).getId();

        ReconciliationCase commented = cases.commentOnCase(CYCLE, caseId, new CaseComment().body("  Asked BCI for the approval letter.  "));

        assertThat(commented.getStatus()).isEqualTo(CaseStatus.OPEN);
        assertThat(commented.getComments()).singleElement().satisfies(comment -> {
            assertThat(comment.getBody()).isEqualTo("Asked BCI for the approval letter.");
            assertThat(comment.getAuthor()).isEqualTo("bootstrap-token");
            assertThat(LocalDateTime.parse(comment.getWrittenAt())).isAfterOrEqualTo(LocalDateTime.parse(commented.getOpenedAt()));
        });

        ReconciliationCase resolved = cases.resolveCase(CYCLE, caseId,
                new CaseResolution().resolution("BCI confirmed; the profile is corrected."));

        assertThat(resolved.getStatus()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(resolved.getResolution()).isEqualTo("BCI confirmed; the profile is corrected.");
        assertThat(resolved.getClosedBy()).isEqualTo("bootstrap-token");
        assertThat(LocalDateTime.parse(resolved.getClosedAt())).isAfterOrEqualTo(LocalDateTime.parse(resolved.getOpenedAt()));
        assertThat(resolved.getComments()).extracting(CaseCommentEntry::getBody).containsExactly("Asked BCI for the approval letter.");
        ApiError twice = DemoApiServer.failure(409,
                () -> cases.resolveCase(CYCLE, caseId, new CaseResolution().resolution("Resolved twice?")));
        assertThat(twice.getCode()).isEqualTo("CASE_CLOSED");

        assertThat(ids(cases.listCases(CYCLE, "OPEN"))).doesNotContain(caseId);
        assertThat(ids(cases.listCases(CYCLE, "RESOLVED"))).containsExactly(caseId);
        assertThat(ids(cases.listCases(CYCLE, "ALL"))).contains(caseId, openCaseOf(REGULIER_MISSING_FROM_QIMG).getId());
        assertThat(cases.listCases(CYCLE, "ALL").getCases()).filteredOn(c -> c.getId() == caseId).singleElement().isEqualTo(resolved);
    }

    private static List<Long> ids(CaseList list) {
        return list.getCases().stream().map(ReconciliationCase::getId).toList();
    }

    @Test
    void aBlankCommentOrResolutionIsRefusedNamingTheField() throws ApiException {
        long caseId = openCaseOf(REGULIER_MISSING_FROM_QIMG).getId();

        invalidField("body", () -> cases.commentOnCase(CYCLE, caseId, new CaseComment().body("   ")));
        invalidField("body", () -> cases.commentOnCase(CYCLE, caseId, new CaseComment().body("x".repeat(2001))));
        invalidField("resolution", () -> cases.resolveCase(CYCLE, caseId, new CaseResolution()));

        assertThat(openCaseOf(REGULIER_MISSING_FROM_QIMG).getComments()).isEmpty();
    }

    @Test
    void anUnknownStatusIsRefusedAndAnUnknownCycleOrCaseIsNotFound() {
        invalidField("status", () -> cases.listCases(CYCLE, "PENDING"));
        notFound(() -> cases.listCases("1999-R9", null));
        notFound(() -> cases.commentOnCase(CYCLE, 999_999L, new CaseComment().body("hello")));
        notFound(() -> cases.resolveCase(CYCLE, 999_999L, new CaseResolution().resolution("done")));
        notFound(() -> cases.resolveCase("1999-R9", 1L, new CaseResolution().resolution("done")));
    }
}
