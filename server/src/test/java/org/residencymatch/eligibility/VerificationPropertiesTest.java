package org.residencymatch.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.eligibility.Fixtures.ALL_VERIFIED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.residencymatch.program.Province;

/**
 * For every fact the rules read, in every shipped rules file, on every kind of stream: an unverified
 * declaration never makes a stream selectable without the mark its policy asks for, and a refused one
 * closes it. "The stream rests on the fact" is found without the rules' own bookkeeping: changing the
 * fact's value (the facts all verified) changes whether the stream is selectable.
 */
class VerificationPropertiesTest {

    private static final LocalDate ON = LocalDate.of(2024, 10, 1);

    private static List<ApplicantFacts> applicants() {
        List<ApplicantFacts> applicants = new ArrayList<>();
        applicants.add(Fixtures.cmgStudent().build());
        applicants.add(Fixtures.cmgStudent().militaryTrainingPlanMember(true).build());
        applicants.add(Fixtures.eligibleImg().build());
        applicants.add(Fixtures.eligibleImg().citizenship(Citizenship.PERMANENT_RESIDENT).provincialTie(Province.NS)
                .provincialTie(Province.NB).build());
        applicants.add(Fixtures.eligibleImg().cmqApproval(CmqApproval.REGULIER).build());
        applicants.add(Fixtures.eligibleImg().highSchoolYears(Province.ON, 4).build());
        return applicants;
    }

    private static List<PartnerLists> listViews() {
        PartnerLists onEvery = PartnerLists.noneReceived();
        for (ListKind kind : ListKind.values()) onEvery = onEvery.withMember(kind, 1);
        return List.of(Fixtures.allReceivedWithout(), onEvery);
    }

    /** The fact's value changed to others, the other facts as they are. */
    private static List<ApplicantFacts> changed(ApplicantFacts a, ProfileFact fact) {
        List<ApplicantFacts> variants = new ArrayList<>();
        switch (fact) {
            case CATEGORY -> variants.add(new ApplicantFacts(a.applicantId(),
                    a.category() == ApplicantCategory.CMG ? ApplicantCategory.IMG : ApplicantCategory.CMG, a.citizenship(), a.status(),
                    a.mdGraduationDate(), a.priorPostgraduateTraining(), a.fellowshipCanadaUs(), a.mccqe1(), a.nac(), a.cmqApproval(),
                    a.militaryTrainingPlanMember(), a.provincialTies(), a.highSchoolYears(), a.latestClinicalActivityDate(), a.checks()));
            case CITIZENSHIP -> {
                for (Citizenship c : Citizenship.values()) if (c != a.citizenship()) variants.add(a.toBuilder().citizenship(c).build());
            }
            case DEGREE -> {
                variants.add(a.toBuilder().mdGraduationDate(null).build());
                variants.add(a.toBuilder().mdGraduationDate(LocalDate.of(2010, 5, 1)).build());
            }
            case MCC_EXAMS -> {
                variants.add(a.toBuilder().mccqe1(ExamResult.FAILED).build());
                variants.add(a.toBuilder().nac(ExamResult.NOT_TAKEN).build());
            }
            case CMQ_APPROVAL -> {
                for (CmqApproval c : CmqApproval.values()) if (c != a.cmqApproval()) variants.add(a.toBuilder().cmqApproval(c).build());
            }
            case PROVINCIAL_TIES -> {
                Set<Province> none = EnumSet.noneOf(Province.class);
                variants.add(new ApplicantFacts(a.applicantId(), a.category(), a.citizenship(), a.status(), a.mdGraduationDate(),
                        a.priorPostgraduateTraining(), a.fellowshipCanadaUs(), a.mccqe1(), a.nac(), a.cmqApproval(),
                        a.militaryTrainingPlanMember(), a.provincialTies().isEmpty() ? EnumSet.of(Province.NS, Province.NB) : none,
                        a.highSchoolYears(), a.latestClinicalActivityDate(), a.checks()));
            }
            case MILITARY_PLAN -> variants.add(a.toBuilder().militaryTrainingPlanMember(!a.militaryTrainingPlanMember()).build());
        }
        return variants;
    }

    private static FactChecks awaiting(ProfileFact fact) {
        Map<ProfileFact, FactStatus> statuses = new EnumMap<>(ProfileFact.class);
        statuses.putAll(ALL_VERIFIED.recorded());
        statuses.remove(fact);
        return FactChecks.of(statuses);
    }

    @ParameterizedTest
    @EnumSource(ProfileFact.class)
    void aSelectableStreamThatRestsOnAnUnverifiedFactCarriesItsMarkAndARefusalClosesIt(ProfileFact fact) {
        int restingOnIt = 0;
        for (EligibilityRules rules : Fixtures.ALL_SHIPPED_RULES) {
            FactPolicy policy = rules.policy(fact);
            for (ApplicantFacts applicant : applicants()) {
                for (PartnerLists lists : listViews()) {
                    for (StreamFacts stream : Fixtures.everyKindOfStream()) {
                        EligibilityDecision verified = rules.decide(applicant, stream, lists);
                        if (!verified.isSelectable() || FactChecks.confirmedByList(fact, applicant, lists)) continue;
                        boolean restsOnIt = changed(applicant, fact).stream()
                                .anyMatch(other -> !rules.decide(other, stream, lists).isSelectable());
                        if (!restsOnIt) continue;
                        restingOnIt++;
                        String where = fact + ", " + rules.id() + ", " + stream.streamId() + ", " + applicant;

                        EligibilityDecision unverified = rules.decide(applicant.withChecks(awaiting(fact)), stream, lists);
                        assertThat(unverified.reasonCodes()).as(where).contains(fact.notVerifiedCode());
                        assertThat(unverified.decision()).as(where)
                                .isEqualTo(policy.policy() == VerificationPolicy.BLOCKING ? Decision.PENDING : Decision.SELECTABLE);

                        EligibilityDecision refused = rules.decide(applicant.withChecks(ALL_VERIFIED.with(fact, FactStatus.refused(
                                Verifier.OPERATOR, "the match operator", ON, new LocalizedText("No.", "Non.")))), stream, lists);
                        assertThat(refused.decision()).as(where).isEqualTo(Decision.NOT_ELIGIBLE);
                        assertThat(refused.reasonCodes()).as(where).contains(fact.notVerifiedCode());
                    }
                }
            }
        }
        assertThat(restingOnIt).as("streams whose selectability rests on " + fact).isPositive();
    }
}
