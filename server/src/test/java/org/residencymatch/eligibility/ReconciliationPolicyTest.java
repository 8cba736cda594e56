package org.residencymatch.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.eligibility.Fixtures.cmgStudent;
import static org.residencymatch.eligibility.Fixtures.eligibleImg;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationPolicyTest {

    private static PartnerLists qimgWith(CmqApproval listedContingent) {
        return PartnerLists.noneReceived()
                .with(ListState.received(ListKind.QIMG, 2, new ListMembership(2, listedContingent, null, null)));
    }

    private static List<String> codes(ApplicantFacts applicant, PartnerLists lists) {
        return ReconciliationPolicy.contradictions(applicant, lists, Fixtures.RULES_2025_1).stream().map(Contradiction::code).toList();
    }

    @Test
    void regulierMissingFromTheReceivedQimgListIsAContradiction() {
        List<Contradiction> found = ReconciliationPolicy.contradictions(
                eligibleImg().cmqApproval(CmqApproval.REGULIER).build(),
                PartnerLists.noneReceived().withNonMember(ListKind.QIMG, 4), Fixtures.RULES_2025_1);

        assertThat(found).singleElement().satisfies(contradiction -> {
            assertThat(contradiction.code()).isEqualTo(ReconciliationPolicy.QUEBEC_REGULIER_NOT_ON_LIST);
            assertThat(contradiction.listVersion()).isEqualTo(4);
            assertThat(contradiction.key()).isEqualTo("QUEBEC_REGULIER_NOT_ON_LIST:QIMG");
            assertThat(contradiction.explanation().en()).contains("version 4");
            assertThat(contradiction.explanation().fr()).contains("version 4");
        });
    }

    @Test
    void theRegulierCaseSaysWhatTheRuleTellsTheApplicantInBothLanguages() {
        ApplicantFacts regulier = eligibleImg().cmqApproval(CmqApproval.REGULIER).build();
        PartnerLists notListed = PartnerLists.noneReceived().withNonMember(ListKind.QIMG, 4);
        Reason rule = Fixtures.RULES_2025_1.reasonOf(ReconciliationPolicy.QUEBEC_REGULIER_RULE, regulier, notListed).orElseThrow();

        Contradiction found = ReconciliationPolicy.contradictions(regulier, notListed, Fixtures.RULES_2025_1).get(0);

        assertThat(found.explanation().en()).contains(ReconciliationPolicy.QUEBEC_REGULIER_RULE, rule.message().en(),
                rule.nextStep().action().en());
        assertThat(found.explanation().fr()).contains(ReconciliationPolicy.QUEBEC_REGULIER_RULE, rule.message().fr(),
                rule.nextStep().action().fr());
    }

    @Test
    void aListThatHasNotArrivedContradictsNothing() {
        assertThat(codes(eligibleImg().cmqApproval(CmqApproval.REGULIER).build(), PartnerLists.noneReceived()))
                .isEmpty();
    }

    @Test
    void regulierOnTheListAgrees() {
        assertThat(codes(eligibleImg().cmqApproval(CmqApproval.REGULIER).build(), qimgWith(CmqApproval.REGULIER)))
                .isEmpty();
    }

    @Test
    void onTheQimgListWithAParticulierProfile() {
        assertThat(codes(eligibleImg().cmqApproval(CmqApproval.PARTICULIER).build(), qimgWith(null)))
                .containsExactly(ReconciliationPolicy.QIMG_LISTED_BUT_PROFILE_PARTICULIER);
    }

    @Test
    void onTheQimgListWithoutAnyApprovalInTheProfile() {
        assertThat(codes(eligibleImg().build(), qimgWith(null)))
                .containsExactly(ReconciliationPolicy.QIMG_LISTED_BUT_NO_CMQ_APPROVAL);
    }

    @Test
    void theListedContingentDisagreesWithTheProfile() {
        assertThat(codes(eligibleImg().cmqApproval(CmqApproval.REGULIER).build(), qimgWith(CmqApproval.PARTICULIER)))
                .containsExactly(ReconciliationPolicy.QIMG_CONTINGENT_MISMATCH);
    }

    @Test
    void aCmgOnAnyImgListIsAContradictionPerList() {
        PartnerLists lists = PartnerLists.noneReceived()
                .withMember(ListKind.AIMG, 1)
                .withMember(ListKind.BCIMG, 1)
                .withNonMember(ListKind.QIMG, 1);

        List<Contradiction> found = ReconciliationPolicy.contradictions(cmgStudent().build(), lists, Fixtures.RULES_2025_1);

        assertThat(found).extracting(Contradiction::key)
                .containsExactly("ON_IMG_LIST_BUT_PROFILE_CMG:AIMG", "ON_IMG_LIST_BUT_PROFILE_CMG:BCIMG");
    }

    @Test
    void anImgOnTheAimgAndBcimgListsIsNoContradiction() {
        PartnerLists lists = PartnerLists.noneReceived().withMember(ListKind.AIMG, 1).withMember(ListKind.BCIMG, 1);

        assertThat(codes(eligibleImg().build(), lists)).isEmpty();
    }
}
