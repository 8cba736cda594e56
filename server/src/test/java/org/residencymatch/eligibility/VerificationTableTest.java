package org.residencymatch.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.eligibility.Decision.NOT_ELIGIBLE;
import static org.residencymatch.eligibility.Decision.PENDING;
import static org.residencymatch.eligibility.Decision.SELECTABLE;
import static org.residencymatch.eligibility.Fixtures.ALL_VERIFIED;
import static org.residencymatch.eligibility.Fixtures.RULES_2025_1;
import static org.residencymatch.eligibility.Fixtures.allReceivedWithout;
import static org.residencymatch.eligibility.Fixtures.cmgStudent;
import static org.residencymatch.eligibility.Fixtures.eligibleImg;
import static org.residencymatch.eligibility.Fixtures.stream;
import static org.residencymatch.eligibility.ReasonCodes.*;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;

/**
 * Eligibility on verified facts (issue #18), against the shipped 2025-R1 rules, whose verification
 * policy is: category BLOCKING (PENDING until verified), every other fact the rules read PROVISIONAL
 * (selectable, marked "subject to verification"), and a refused fact NOT_ELIGIBLE. One row per
 * situation; every row names the reason codes expected, conditions of a selectable stream included.
 */
class VerificationTableTest {

    private static final LocalDate ON = LocalDate.of(2024, 10, 1);

    record Row(String situation, ApplicantFacts applicant, StreamFacts stream, PartnerLists lists, Decision expected, List<String> codes) {
        @Override
        public String toString() {
            return situation;
        }
    }

    private static Row row(String situation, ApplicantFacts.Builder applicant, StreamFacts stream, PartnerLists lists, Decision expected,
            String... codes) {
        return new Row(situation, applicant.build(), stream, lists, expected, List.of(codes));
    }

    /** All facts verified but these, which await verification. */
    private static FactChecks awaiting(ProfileFact... facts) {
        FactChecks checks = ALL_VERIFIED;
        for (ProfileFact fact : facts) checks = FactChecks.of(without(checks, fact));
        return checks;
    }

    private static java.util.Map<ProfileFact, FactStatus> without(FactChecks checks, ProfileFact fact) {
        java.util.Map<ProfileFact, FactStatus> map = new java.util.EnumMap<>(ProfileFact.class);
        map.putAll(checks.recorded());
        map.remove(fact);
        return map;
    }

    private static FactChecks refused(ProfileFact fact) {
        return ALL_VERIFIED.with(fact, FactStatus.refused(Verifier.OPERATOR, "the match operator", ON,
                new LocalizedText("The document is illegible.", "Le document est illisible.")));
    }

    static Stream<Row> rows() {
        StreamFacts cmgOntario = stream(StreamType.CMG, Province.ON);
        StreamFacts imgManitoba = stream(StreamType.IMG, Province.MB);
        StreamFacts imgAlberta = stream(StreamType.IMG, Province.AB);
        StreamFacts quebecForAll = stream(StreamType.REGULAR_FOR_ALL, Province.QC);
        StreamFacts novaScotian = stream(StreamType.IMG_NOVA_SCOTIA, Province.NS);
        StreamFacts military = stream(StreamType.MILITARY, Province.ON);
        PartnerLists lists = allReceivedWithout();
        PartnerLists onQimgWithoutContingent = lists.withMember(ListKind.QIMG, 1);
        PartnerLists onQimgAsRegulier = lists
                .with(ListState.received(ListKind.QIMG, 1, new ListMembership(1, CmqApproval.REGULIER, null, null)));
        return Stream.of(
                row("a CMG who only declared herself one sees a CMG stream pending (category is blocking)",
                        cmgStudent().checks(FactChecks.none()), cmgOntario, lists, PENDING, CATEGORY_NOT_VERIFIED),
                row("a CMG whose faculty confirmed her category may select a CMG stream: its rules read nothing else she declared",
                        cmgStudent().checks(FactChecks.none().with(ProfileFact.CATEGORY,
                                FactStatus.verified(Verifier.FACULTY, "University of Toronto", ON))),
                        cmgOntario, lists, SELECTABLE),
                row("a declared IMG sees an IMG stream pending too, and what else it rests on as conditions",
                        eligibleImg().checks(FactChecks.none()), imgManitoba, lists, PENDING, CATEGORY_NOT_VERIFIED,
                        CITIZENSHIP_NOT_VERIFIED, DEGREE_NOT_VERIFIED, MCC_EXAMS_NOT_VERIFIED),
                row("a refused category closes the stream", eligibleImg().checks(refused(ProfileFact.CATEGORY)), imgManitoba, lists,
                        NOT_ELIGIBLE, CATEGORY_NOT_VERIFIED),
                row("citizenship awaiting verification: selectable, subject to it (provisional)",
                        eligibleImg().checks(awaiting(ProfileFact.CITIZENSHIP)), imgManitoba, lists, SELECTABLE, CITIZENSHIP_NOT_VERIFIED),
                row("citizenship refused: not eligible, with the same code",
                        eligibleImg().checks(refused(ProfileFact.CITIZENSHIP)), imgManitoba, lists, NOT_ELIGIBLE, CITIZENSHIP_NOT_VERIFIED),
                row("degree awaiting verification: selectable, subject to it",
                        eligibleImg().checks(awaiting(ProfileFact.DEGREE)), imgManitoba, lists, SELECTABLE, DEGREE_NOT_VERIFIED),
                row("degree refused: not eligible", eligibleImg().checks(refused(ProfileFact.DEGREE)), imgManitoba, lists, NOT_ELIGIBLE,
                        DEGREE_NOT_VERIFIED),
                row("exam results not yet confirmed by the MCC: selectable, subject to them",
                        eligibleImg().checks(awaiting(ProfileFact.MCC_EXAMS)), imgManitoba, lists, SELECTABLE, MCC_EXAMS_NOT_VERIFIED),
                row("a declared Régulier approval not stated by the QIMG list: selectable, subject to it",
                        eligibleImg().cmqApproval(CmqApproval.REGULIER).checks(awaiting(ProfileFact.CMQ_APPROVAL)), quebecForAll,
                        onQimgWithoutContingent, SELECTABLE, CMQ_APPROVAL_NOT_VERIFIED),
                row("the QIMG list stating the declared contingent verifies it",
                        eligibleImg().cmqApproval(CmqApproval.REGULIER).checks(awaiting(ProfileFact.CMQ_APPROVAL)), quebecForAll,
                        onQimgAsRegulier, SELECTABLE),
                row("a Nova Scotia tie awaiting verification: selectable, subject to it",
                        eligibleImg().provincialTie(Province.NS).checks(awaiting(ProfileFact.PROVINCIAL_TIES)), novaScotian, lists,
                        SELECTABLE,
                        PROVINCIAL_TIES_NOT_VERIFIED),
                row("a military plan awaiting verification: selectable, subject to it",
                        cmgStudent().militaryTrainingPlanMember(true).checks(awaiting(ProfileFact.MILITARY_PLAN)), military, lists,
                        SELECTABLE,
                        MILITARY_PLAN_NOT_VERIFIED),
                row("a stream a rule closes says only why: verifying the declaration would not open it",
                        eligibleImg().checks(FactChecks.none()), imgAlberta, lists, NOT_ELIGIBLE, AIMG_LIST_REQUIRED),
                row("a pending list and an unverified category are both said",
                        eligibleImg().checks(FactChecks.none()), imgAlberta, PartnerLists.noneReceived(), PENDING,
                        CATEGORY_NOT_VERIFIED, LIST_NOT_YET_RECEIVED, CITIZENSHIP_NOT_VERIFIED, DEGREE_NOT_VERIFIED,
                        MCC_EXAMS_NOT_VERIFIED),
                row("several provisional facts are each a condition",
                        eligibleImg().checks(awaiting(ProfileFact.CITIZENSHIP, ProfileFact.DEGREE)), imgManitoba, lists, SELECTABLE,
                        CITIZENSHIP_NOT_VERIFIED, DEGREE_NOT_VERIFIED),
                row("a fact no applicable rule reads adds nothing: a CMG stream does not read citizenship",
                        cmgStudent().checks(awaiting(ProfileFact.CITIZENSHIP)), cmgOntario, lists, SELECTABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachSituationGetsItsDecisionAndReasonCodes(Row row) {
        EligibilityDecision decision = RULES_2025_1.decide(row.applicant(), row.stream(), row.lists());

        assertThat(decision.decision()).as(row.situation()).isEqualTo(row.expected());
        assertThat(decision.reasonCodes()).as(row.situation()).containsExactlyElementsOf(row.codes());
        assertThat(decision.isProvisional()).isEqualTo(row.expected() == SELECTABLE && !row.codes().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theWholeCatalogueDecidesAsEachStreamAlone(Row row) {
        StreamCatalogue catalogue = StreamCatalogue.of(List.of(row.stream()));

        assertThat(RULES_2025_1.decideCatalogue(row.applicant(), catalogue, row.lists()).decision(0))
                .isEqualTo(RULES_2025_1.decide(row.applicant(), row.stream(), row.lists()));
    }

    @ParameterizedTest
    @EnumSource(ProfileFact.class)
    void everyFactTheRulesReadHasItsCodeTextsNextStepAndProvenance(ProfileFact fact) {
        for (EligibilityRules rules : Fixtures.ALL_SHIPPED_RULES) {
            FactPolicy policy = rules.policy(fact);
            assertThat(policy.needsVerification()).as(fact + " in " + rules.id()).isTrue();
            for (Reason reason : List.of(policy.unverified(), policy.refused())) {
                assertThat(reason.code()).isEqualTo(fact.notVerifiedCode());
                assertThat(reason.message().en()).isNotBlank();
                assertThat(reason.message().fr()).isNotBlank().isNotEqualTo(reason.message().en());
                assertThat(reason.nextStep().action().fr()).isNotEqualTo(reason.nextStep().action().en());
                assertThat(reason.provenance().ruleId()).isEqualTo("verification." + fact.field);
                assertThat(reason.provenance().rules()).isEqualTo(rules.id());
            }
            assertThat(policy.refused().outcome()).isEqualTo(NOT_ELIGIBLE);
        }
    }

    @Test
    void theShippedDefaultsAreCategoryBlockingAndCitizenshipAndDegreeProvisional() {
        for (EligibilityRules rules : Fixtures.ALL_SHIPPED_RULES) {
            assertThat(rules.policy(ProfileFact.CATEGORY).policy()).isEqualTo(VerificationPolicy.BLOCKING);
            assertThat(rules.policy(ProfileFact.CITIZENSHIP).policy()).isEqualTo(VerificationPolicy.PROVISIONAL);
            assertThat(rules.policy(ProfileFact.DEGREE).policy()).isEqualTo(VerificationPolicy.PROVISIONAL);
            assertThat(rules.policy(ProfileFact.CATEGORY).verifiedBy()).contains(Verifier.FACULTY, Verifier.OPERATOR);
            assertThat(rules.policy(ProfileFact.CITIZENSHIP).document()).isEqualTo(DocumentKind.CITIZENSHIP_PROOF);
        }
    }

    @Test
    void aNewlyRegisteredApplicantSeesNoStreamSelectableUntilHerCategoryIsVerifiedAndThenTheSameStreamsAsBefore() {
        StreamCatalogue everything = StreamCatalogue.of(Fixtures.everyKindOfStream());
        for (ApplicantFacts.Builder declared : List.of(cmgStudent(), eligibleImg())) {
            ApplicantFacts unverified = declared.checks(FactChecks.none()).build();
            ApplicantFacts verified = declared.checks(ALL_VERIFIED).build();

            assertThat(RULES_2025_1.decideCatalogue(unverified, everything, allReceivedWithout()).selectableStreams()).isEmpty();
            assertThat(RULES_2025_1.decideCatalogue(verified, everything, allReceivedWithout()).selectableStreams()).isNotEmpty();
        }
    }
}
