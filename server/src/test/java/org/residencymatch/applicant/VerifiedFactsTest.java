package org.residencymatch.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Citizenship;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.ExamResult;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.ListMembership;
import org.residencymatch.eligibility.ListState;
import org.residencymatch.eligibility.PartnerLists;
import org.residencymatch.eligibility.StudyStatus;

class VerifiedFactsTest {

    static final ApplicantFacts CURRENT = ApplicantFacts.builder("A-1", ApplicantCategory.IMG).citizenship(Citizenship.CITIZEN)
            .mccqe1(ExamResult.PASSED).nac(ExamResult.FAILED).cmqApproval(CmqApproval.REGULIER).build();
    static final PartnerLists ON_QIMG_WITH_APPROVAL = PartnerLists.noneReceived()
            .with(ListState.received(ListKind.QIMG, 3, new ListMembership(3, CmqApproval.REGULIER, null, null)));

    @Test
    void examResultsAlwaysComeFromTheMccAndTheCmqApprovalFromTheQimgListOnlyWhenItStatesIt() {
        assertThat(VerifiedFacts.of(PartnerLists.noneReceived())).extracting(VerifiedFacts.Fact::field).containsExactly("mccqe1", "nac");
        assertThat(VerifiedFacts.of(PartnerLists.noneReceived().withMember(ListKind.QIMG, 2))).extracting(VerifiedFacts.Fact::field)
                .as("on the list without an approval stated").doesNotContain("cmqApproval");
        assertThat(VerifiedFacts.of(ON_QIMG_WITH_APPROVAL)).last()
                .isEqualTo(new VerifiedFacts.Fact("cmqApproval", VerifiedFacts.Source.QIMG_LIST, 3));
    }

    @Test
    void aChangeToAFactFromItsSourceIsNamedAndADeclaredChangeIsNotCitizenshipIncluded() {
        ApplicantFacts declared = ApplicantFacts.builder("A-1", ApplicantCategory.IMG).citizenship(Citizenship.CITIZEN)
                .mccqe1(ExamResult.PASSED).nac(ExamResult.FAILED).cmqApproval(CmqApproval.REGULIER).status(StudyStatus.FINAL_YEAR_STUDENT)
                .priorPostgraduateTraining(true).build();
        assertThat(VerifiedFacts.changed(CURRENT, declared, ON_QIMG_WITH_APPROVAL)).isEmpty();

        ApplicantFacts tampered = ApplicantFacts.builder("A-1", ApplicantCategory.IMG).citizenship(Citizenship.PERMANENT_RESIDENT)
                .mccqe1(ExamResult.PASSED).nac(ExamResult.PASSED).cmqApproval(CmqApproval.PARTICULIER).build();
        assertThat(VerifiedFacts.changed(CURRENT, tampered, ON_QIMG_WITH_APPROVAL)).containsExactly("nac", "cmqApproval");
        assertThat(VerifiedFacts.changed(CURRENT, tampered, PartnerLists.noneReceived())).as("self-declared without the list")
                .containsExactly("nac");
        assertThatThrownBy(() -> VerifiedFacts.requireUnchanged(CURRENT, tampered, PartnerLists.noneReceived()))
                .isInstanceOfSatisfying(VerifiedFacts.ChangeRefusedException.class, e -> assertThat(e.fields()).containsExactly("nac"));
    }
}
