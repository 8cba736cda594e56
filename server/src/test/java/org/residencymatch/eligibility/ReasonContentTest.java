package org.residencymatch.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.eligibility.Fixtures.RULES_2025_1;
import static org.residencymatch.eligibility.Fixtures.allReceivedWithout;
import static org.residencymatch.eligibility.Fixtures.eligibleImg;
import static org.residencymatch.eligibility.Fixtures.stream;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;

/** What a reason carries besides its code: texts, next step, contact and provenance. */
class ReasonContentTest {

    private static final RulesFileId FILE = new RulesFileId("2025-R1", 1, 1);

    @Test
    void aListDecisionNamesTheRuleTheFileTheListAndItsVersion() {
        PartnerLists lists = allReceivedWithout().withNonMember(ListKind.AIMG, 3);

        Reason reason = RULES_2025_1.decide(eligibleImg().build(), stream(StreamType.IMG, Province.AB), lists)
                .reasons()
                .get(0);

        assertThat(reason.code()).isEqualTo(ReasonCodes.AIMG_LIST_REQUIRED);
        assertThat(reason.provenance()).isEqualTo(new Provenance("AB_AIMG_LIST", FILE, ListKind.AIMG, 3));
        assertThat(reason.nextStep().contact().id()).isEqualTo("aimg");
        assertThat(reason.nextStep().contact().link().en()).startsWith("https://");
    }

    @Test
    void aPendingReasonSaysWhichListInBothLanguagesAndPointsToItsSender() {
        PartnerLists lists = allReceivedWithout().with(ListState.notReceived(ListKind.BCIMG));

        EligibilityDecision decision = RULES_2025_1.decide(eligibleImg().build(), stream(StreamType.IMG, Province.BC), lists);

        Reason reason = decision.reasons().get(0);
        assertThat(decision.decision()).isEqualTo(Decision.PENDING);
        assertThat(reason.code()).isEqualTo(ReasonCodes.LIST_NOT_YET_RECEIVED);
        assertThat(reason.message().en()).contains("BCIMG").doesNotContain("{list}");
        assertThat(reason.message().fr()).contains("BCIMG").doesNotContain("{list}");
        assertThat(reason.nextStep().contact().id()).isEqualTo("bccap");
        assertThat(reason.provenance()).isEqualTo(new Provenance("BC_BCIMG_LIST", FILE, ListKind.BCIMG, null));
    }

    @Test
    void aRegulierApplicantMissingFromTheListIsToldToContactTheOperator() {
        ApplicantFacts regulier = eligibleImg().cmqApproval(CmqApproval.REGULIER).build();

        Reason reason = RULES_2025_1.decide(regulier, stream(StreamType.REGULAR_FOR_ALL, Province.QC), allReceivedWithout())
                .reasons()
                .get(0);

        assertThat(reason.code()).isEqualTo(ReasonCodes.QUEBEC_REGULIER_NOT_ON_LIST);
        assertThat(reason.nextStep().contact().id()).isEqualTo("operator");
        assertThat(reason.provenance().listKind()).isEqualTo(ListKind.QIMG);
        assertThat(reason.provenance().listVersion()).isEqualTo(1);
    }

    @Test
    void noCmqApprovalExplainsApprovalFirstThenTheList() {
        Reason reason = RULES_2025_1.decide(eligibleImg().build(), stream(StreamType.REGULAR_FOR_ALL, Province.QC),
                allReceivedWithout())
                .reasons()
                .get(0);

        assertThat(reason.code()).isEqualTo(ReasonCodes.QIMG_LIST_REQUIRED);
        assertThat(reason.message().en()).contains("Collège des médecins du Québec", "Régulier", "BCI");
        assertThat(reason.nextStep().contact().id()).isEqualTo("cmq");
    }

    @Test
    void priorTrainingPointsToTheSecondIteration() {
        Reason reason = RULES_2025_1.decide(eligibleImg().priorPostgraduateTraining(true).build(),
                stream(StreamType.IMG, Province.ON), allReceivedWithout())
                .reasons()
                .get(0);

        assertThat(reason.nextStep().action().en()).contains("second iteration");
        assertThat(reason.nextStep().action().fr()).contains("deuxième tour");
    }

    @Test
    void textIsChosenByLanguage() {
        LocalizedText text = new LocalizedText("yes", "oui");

        assertThat(text.in(Locale.CANADA_FRENCH)).isEqualTo("oui");
        assertThat(text.in(Locale.ENGLISH)).isEqualTo("yes");
    }

    @Test
    void theParticulierChannelIsPerCycleData() {
        assertThat(Fixtures.RULES_2025_1.ruleIds()).contains("QC_PARTICULIER_APPLIES_DIRECTLY");
        assertThat(Fixtures.RULES_2025_2.ruleIds()).doesNotContain("QC_PARTICULIER_APPLIES_DIRECTLY");
    }
}
