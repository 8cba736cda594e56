package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.failure;
import static org.residencymatch.api.DemoApiServer.invalidField;
import static org.residencymatch.api.DemoApiServer.notFound;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.api.CatalogueApi;
import org.residencymatch.api.client.api.HelpCasesApi;
import org.residencymatch.api.client.model.EligibilityExplanation;
import org.residencymatch.api.client.model.HelpAnswer;
import org.residencymatch.api.client.model.HelpCase;
import org.residencymatch.api.client.model.HelpCaseStatus;
import org.residencymatch.api.client.model.HelpRequest;
import org.residencymatch.api.client.model.ListKind;
import org.residencymatch.store.DatabaseTest;

/** Help cases through the API: the applicant opens and follows their own; the operator lists, answers and closes. */
@DatabaseTest
class HelpCasesApiTest {

    static final String FATIMA = "A-2005", LAVAL_ANESTHESIOLOGY = "27032";

    static DemoApiServer demo;
    static HelpCasesApi operator;

    @BeforeAll
    static void start() {
        demo = DemoApiServer.start();
        operator = new HelpCasesApi(demo.operator());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static HelpCasesApi as(String applicantId) throws ApiException {
        return new HelpCasesApi(demo.bearer(demo.tokenForApplicant(applicantId)));
    }

    @Test
    void theApplicantOpensACaseCarryingTheExplanationSheReadAndFollowsTheAnswer() throws ApiException {
        HelpCasesApi fatima = as(FATIMA);
        EligibilityExplanation seen = new CatalogueApi(demo.operator()).explainEligibility(CYCLE, FATIMA, LAVAL_ANESTHESIOLOGY, 1);

        HelpCase opened = fatima.openHelpCase(CYCLE, FATIMA, new HelpRequest().streamId(LAVAL_ANESTHESIOLOGY)
                .message("  I was approved for the Régulier contingent but cannot see Québec programs. "));

        assertThat(opened.getStatus()).isEqualTo(HelpCaseStatus.OPEN);
        assertThat(opened.getApplicantId()).isEqualTo(FATIMA);
        assertThat(opened.getIteration()).isEqualTo(1);
        assertThat(opened.getMessage()).isEqualTo("I was approved for the Régulier contingent but cannot see Québec programs.");
        assertThat(opened.getDecision()).isEqualTo(seen.getDecision());
        assertThat(opened.getReasons()).isEqualTo(seen.getReasons());
        assertThat(opened.getReasons()).anySatisfy(r -> assertThat(r.getProvenance().getListKind()).isEqualTo(ListKind.QIMG));
        assertThat(opened.getAnswers()).isEmpty();

        assertThat(failure(409, () -> fatima.openHelpCase(CYCLE, FATIMA, new HelpRequest().streamId(LAVAL_ANESTHESIOLOGY))).getCode())
                .isEqualTo("HELP_CASE_ALREADY_OPEN");
        assertThat(operator.listHelpCases(CYCLE, null).getCases()).extracting(HelpCase::getId).contains(opened.getId());

        HelpCase answered = operator.answerHelpCase(CYCLE, opened.getId(), new HelpAnswer().body("BCI will correct its list."));
        assertThat(answered.getStatus()).isEqualTo(HelpCaseStatus.ANSWERED);
        assertThat(answered.getAnswers()).singleElement().satisfies(a -> {
            assertThat(a.getBody()).isEqualTo("BCI will correct its list.");
            assertThat(a.getAuthor()).isEqualTo("bootstrap-token");
        });
        HelpCase closed = operator.closeHelpCase(CYCLE, opened.getId());
        assertThat(closed.getStatus()).isEqualTo(HelpCaseStatus.CLOSED);
        assertThat(failure(409, () -> operator.closeHelpCase(CYCLE, opened.getId())).getCode()).isEqualTo("HELP_CASE_CLOSED");
        assertThat(failure(409, () -> operator.answerHelpCase(CYCLE, opened.getId(), new HelpAnswer().body("more"))).getCode())
                .isEqualTo("HELP_CASE_CLOSED");

        assertThat(fatima.getHelpCase(CYCLE, opened.getId()).getAnswers()).extracting(a -> a.getBody())
                .containsExactly("BCI will correct its list.");
        assertThat(fatima.listApplicantHelpCases(CYCLE, FATIMA).getCases()).extracting(HelpCase::getStatus).contains(HelpCaseStatus.CLOSED);
        assertThat(operator.listHelpCases(CYCLE, "CLOSED").getCases()).extracting(HelpCase::getId).contains(opened.getId());
    }

    @Test
    void anApplicantReachesOnlyTheirOwnCasesAndTheOperatorsRoutesAreTheOperators() throws ApiException {
        HelpCase priya = as("A-2011").openHelpCase(CYCLE, "A-2011", new HelpRequest().streamId(LAVAL_ANESTHESIOLOGY));
        HelpCasesApi amira = as("A-2001");

        notFound(() -> amira.getHelpCase(CYCLE, priya.getId()));
        notFound(() -> amira.listApplicantHelpCases(CYCLE, "A-2011"));
        notFound(() -> amira.openHelpCase(CYCLE, "A-2011", new HelpRequest().streamId(LAVAL_ANESTHESIOLOGY)));
        failure(403, () -> amira.listHelpCases(CYCLE, null));
        failure(403, () -> amira.answerHelpCase(CYCLE, priya.getId(), new HelpAnswer().body("hi")));
        failure(403, () -> amira.closeHelpCase(CYCLE, priya.getId()));
        failure(403, () -> operator.openHelpCase(CYCLE, "A-2011", new HelpRequest().streamId(LAVAL_ANESTHESIOLOGY)));
        assertThat(amira.listApplicantHelpCases(CYCLE, "A-2001").getCases()).isEmpty();
    }

    @Test
    void badRequestsNameTheirFieldAndOpenNothing() throws ApiException {
        HelpCasesApi amira = as("A-2001");
        invalidField("streamId", () -> amira.openHelpCase(CYCLE, "A-2001", new HelpRequest().streamId(" ")));
        invalidField("message",
                () -> amira.openHelpCase(CYCLE, "A-2001", new HelpRequest().streamId(LAVAL_ANESTHESIOLOGY).message("x".repeat(2001))));
        invalidField("iteration", () -> amira.openHelpCase(CYCLE, "A-2001", new HelpRequest().streamId(LAVAL_ANESTHESIOLOGY).iteration(3)));
        assertThat(failure(409, () -> amira.openHelpCase(CYCLE, "A-2001", new HelpRequest().streamId("27039"))).getCode())
                .isEqualTo("STREAM_SELECTABLE");
        notFound(() -> amira.openHelpCase(CYCLE, "A-2001", new HelpRequest().streamId("no-such-stream")));
        notFound(() -> amira.openHelpCase("no-such-cycle", "A-2001", new HelpRequest().streamId(LAVAL_ANESTHESIOLOGY)));
        invalidField("body", () -> operator.answerHelpCase(CYCLE, 1L, new HelpAnswer().body("  ")));
        invalidField("status", () -> operator.listHelpCases(CYCLE, "SOMETIMES"));
        notFound(() -> operator.getHelpCase(CYCLE, 999_999L));
        assertThat(amira.listApplicantHelpCases(CYCLE, "A-2001").getCases()).isEmpty();
    }
}
