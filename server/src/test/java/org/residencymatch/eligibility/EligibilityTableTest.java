package org.residencymatch.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.eligibility.Decision.APPLY_ELSEWHERE;
import static org.residencymatch.eligibility.Decision.NOT_ELIGIBLE;
import static org.residencymatch.eligibility.Decision.PENDING;
import static org.residencymatch.eligibility.Decision.SELECTABLE;
import static org.residencymatch.eligibility.Fixtures.allReceivedWithout;
import static org.residencymatch.eligibility.Fixtures.cmgStudent;
import static org.residencymatch.eligibility.Fixtures.eligibleImg;
import static org.residencymatch.eligibility.Fixtures.stream;
import static org.residencymatch.eligibility.ListKind.AIMG;
import static org.residencymatch.eligibility.ListKind.BCIMG;
import static org.residencymatch.eligibility.ListKind.QIMG;
import static org.residencymatch.eligibility.ReasonCodes.*;
import static org.residencymatch.program.Province.AB;
import static org.residencymatch.program.Province.BC;
import static org.residencymatch.program.Province.MB;
import static org.residencymatch.program.Province.NB;
import static org.residencymatch.program.Province.NS;
import static org.residencymatch.program.Province.ON;
import static org.residencymatch.program.Province.QC;
import static org.residencymatch.program.Province.SK;
import static org.residencymatch.program.StreamType.CMG;
import static org.residencymatch.program.StreamType.COMPETITIVE_FOR_ALL;
import static org.residencymatch.program.StreamType.COMPETITIVE_ROS_FOR_ALL;
import static org.residencymatch.program.StreamType.IMG;
import static org.residencymatch.program.StreamType.IMG_NEW_BRUNSWICK;
import static org.residencymatch.program.StreamType.IMG_NOVA_SCOTIA;
import static org.residencymatch.program.StreamType.MILITARY;
import static org.residencymatch.program.StreamType.REGULAR_FOR_ALL;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per rule and situation of docs/DOMAIN.md, against the shipped 2025-R1 rules. Unless a row says
 * otherwise, every list has been received (version 1) without the applicant.
 */
class EligibilityTableTest {

    record Row(
            String situation,
            ApplicantFacts applicant,
            StreamFacts stream,
            PartnerLists lists,
            int iteration,
            Decision expected,
            List<String> expectedCodes) {

        @Override
        public String toString() {
            return situation;
        }
    }

    private static Row row(String situation, ApplicantFacts.Builder applicant, StreamFacts stream, Decision expected,
            String... codes) {
        return new Row(situation, applicant.build(), stream, allReceivedWithout(), 1, expected, List.of(codes));
    }

    private static Row row(String situation, ApplicantFacts.Builder applicant, StreamFacts stream, PartnerLists lists,
            int iteration, Decision expected, String... codes) {
        return new Row(situation, applicant.build(), stream, lists, iteration, expected, List.of(codes));
    }

    private static Row iteration2(String situation, ApplicantFacts.Builder applicant, StreamFacts stream,
            Decision expected, String... codes) {
        return row(situation, applicant, stream, allReceivedWithout(), 2, expected, codes);
    }

    private static PartnerLists on(ListKind... kinds) {
        PartnerLists lists = allReceivedWithout();
        for (ListKind kind : kinds) {
            lists = lists.withMember(kind, 1);
        }
        return lists;
    }

    private static PartnerLists notReceived(ListKind kind) {
        return allReceivedWithout().with(ListState.notReceived(kind));
    }

    static Stream<Row> rows() {
        return Stream.of(
                // CMGs on every stream type
                row("CMG on a CMG stream", cmgStudent(), stream(CMG, ON), SELECTABLE),
                row("CMG on a CMG stream including MOTP/MMTP", cmgStudent(), stream(CMG, ON, false, true), SELECTABLE),
                row("CMG on a CMG return-of-service stream", cmgStudent(), stream(CMG, ON, true, false), SELECTABLE),
                row("CMG on an IMG stream", cmgStudent(), stream(IMG, ON), NOT_ELIGIBLE, IMG_STREAM),
                row("CMG on a Nova Scotian IMG stream", cmgStudent(), stream(IMG_NOVA_SCOTIA, NS), NOT_ELIGIBLE, IMG_STREAM),
                row("CMG on a New Brunswicker IMG stream", cmgStudent(), stream(IMG_NEW_BRUNSWICK, NS), NOT_ELIGIBLE, IMG_STREAM),
                row("CMG on Québec's Regular stream for all", cmgStudent(), stream(REGULAR_FOR_ALL, QC), SELECTABLE),
                row("CMG on Québec's Regular stream including MOTP/MMTP", cmgStudent(), stream(REGULAR_FOR_ALL, QC, false, true),
                        SELECTABLE),
                row("CMG on UBC's Competitive RoS stream for all", cmgStudent(), stream(COMPETITIVE_ROS_FOR_ALL, BC, true, false),
                        SELECTABLE),
                row("CMG on Saskatchewan's Competitive stream for all", cmgStudent(), stream(COMPETITIVE_FOR_ALL, SK), SELECTABLE),
                row("CMG, not a plan member, on a MOTP/MMTP stream", cmgStudent(), stream(MILITARY, ON), NOT_ELIGIBLE, MILITARY_STREAM),
                row("CMG plan member on a MOTP/MMTP stream", cmgStudent().militaryTrainingPlanMember(true), stream(MILITARY, ON),
                        SELECTABLE),
                row("CMG with prior residency, iteration 1", cmgStudent().priorPostgraduateTraining(true), stream(CMG, ON), NOT_ELIGIBLE,
                        PRIOR_POSTGRADUATE_TRAINING),
                iteration2("CMG with prior residency, iteration 2", cmgStudent().priorPostgraduateTraining(true), stream(CMG, ON),
                        SELECTABLE),

                // IMGs and stream types
                row("IMG on a CMG stream", eligibleImg(), stream(CMG, ON), NOT_ELIGIBLE, CMG_STREAM),
                row("IMG on an Ontario IMG stream", eligibleImg(), stream(IMG, ON), SELECTABLE),
                row("IMG on Saskatchewan's Competitive stream for all", eligibleImg(), stream(COMPETITIVE_FOR_ALL, SK), SELECTABLE),
                row("IMG on a Manitoba IMG stream", eligibleImg(), stream(IMG, MB), SELECTABLE),

                // Partner lists: Alberta, BC
                row("IMG on no list, Alberta IMG stream", eligibleImg(), stream(IMG, AB), NOT_ELIGIBLE, AIMG_LIST_REQUIRED),
                row("IMG on the AIMG list, Alberta IMG stream", eligibleImg(), stream(IMG, AB), on(AIMG), 1, SELECTABLE),
                row("IMG on the AIMG list, BC IMG stream", eligibleImg(), stream(IMG, BC), on(AIMG), 1, NOT_ELIGIBLE, BCIMG_LIST_REQUIRED),
                row("IMG on no list, BC IMG stream", eligibleImg(), stream(IMG, BC), NOT_ELIGIBLE, BCIMG_LIST_REQUIRED),
                row("IMG on no list, UBC Competitive RoS stream for all", eligibleImg(), stream(COMPETITIVE_ROS_FOR_ALL, BC, true, false),
                        NOT_ELIGIBLE, BCIMG_LIST_REQUIRED),
                row("IMG on the BCIMG list, BC IMG stream", eligibleImg(), stream(IMG, BC), on(BCIMG), 1, SELECTABLE),
                row("IMG on the BCIMG list, UBC Competitive RoS stream for all", eligibleImg(),
                        stream(COMPETITIVE_ROS_FOR_ALL, BC, true, false), on(BCIMG), 1, SELECTABLE),
                row("IMG on the BCIMG list, Alberta IMG stream", eligibleImg(), stream(IMG, AB), on(BCIMG), 1, NOT_ELIGIBLE,
                        AIMG_LIST_REQUIRED),
                row("IMG on two lists, Alberta IMG stream", eligibleImg(), stream(IMG, AB), on(AIMG, BCIMG), 1, SELECTABLE),
                row("IMG on two lists, BC IMG stream", eligibleImg(), stream(IMG, BC), on(AIMG, BCIMG), 1, SELECTABLE),
                row("IMG on two lists without CMQ approval, Québec", eligibleImg(), stream(REGULAR_FOR_ALL, QC), on(AIMG, BCIMG), 1,
                        NOT_ELIGIBLE, QIMG_LIST_REQUIRED),
                row("IMG on the AIMG list, Ontario IMG stream (no list needed)", eligibleImg(), stream(IMG, ON), on(AIMG), 1, SELECTABLE),

                // Québec
                row("Régulier on the QIMG list", eligibleImg().cmqApproval(CmqApproval.REGULIER), stream(REGULAR_FOR_ALL, QC), on(QIMG), 1,
                        SELECTABLE),
                row("Régulier on the QIMG list, Regular RoS stream", eligibleImg().cmqApproval(CmqApproval.REGULIER),
                        stream(REGULAR_FOR_ALL, QC, true, false), on(QIMG), 1, SELECTABLE),
                row("Régulier missing from the received QIMG list", eligibleImg().cmqApproval(CmqApproval.REGULIER),
                        stream(REGULAR_FOR_ALL, QC), NOT_ELIGIBLE, QUEBEC_REGULIER_NOT_ON_LIST),
                row("No CMQ approval, Québec", eligibleImg(), stream(REGULAR_FOR_ALL, QC), NOT_ELIGIBLE, QIMG_LIST_REQUIRED),
                row("Particulier, iteration 1", eligibleImg().cmqApproval(CmqApproval.PARTICULIER).priorPostgraduateTraining(true),
                        stream(REGULAR_FOR_ALL, QC), APPLY_ELSEWHERE, QUEBEC_PARTICULIER_APPLIES_DIRECTLY),
                row("Particulier with a US fellowship, iteration 1",
                        eligibleImg().cmqApproval(CmqApproval.PARTICULIER).fellowshipCanadaUs(true), stream(REGULAR_FOR_ALL, QC),
                        APPLY_ELSEWHERE, QUEBEC_PARTICULIER_APPLIES_DIRECTLY),
                row("Particulier who is not a citizen, iteration 1",
                        eligibleImg().cmqApproval(CmqApproval.PARTICULIER).citizenship(Citizenship.OTHER), stream(REGULAR_FOR_ALL, QC),
                        NOT_ELIGIBLE, CITIZENSHIP_REQUIRED, QUEBEC_PARTICULIER_APPLIES_DIRECTLY),
                row("Particulier on the QIMG list, iteration 2",
                        eligibleImg().cmqApproval(CmqApproval.PARTICULIER).fellowshipCanadaUs(true), stream(REGULAR_FOR_ALL, QC), on(QIMG),
                        2, SELECTABLE),
                iteration2("Particulier not on the QIMG list, iteration 2", eligibleImg().cmqApproval(CmqApproval.PARTICULIER),
                        stream(REGULAR_FOR_ALL, QC), NOT_ELIGIBLE, QIMG_LIST_REQUIRED),
                row("Régulier with a US fellowship, Québec", eligibleImg().cmqApproval(CmqApproval.REGULIER).fellowshipCanadaUs(true),
                        stream(REGULAR_FOR_ALL, QC), on(QIMG), 1, NOT_ELIGIBLE, PRIOR_POSTGRADUATE_TRAINING),
                row("IMG with a US fellowship, Ontario (a fellowship is not residency)", eligibleImg().fellowshipCanadaUs(true),
                        stream(IMG, ON), SELECTABLE),
                row("CMG with a fellowship, Québec", cmgStudent().fellowshipCanadaUs(true), stream(REGULAR_FOR_ALL, QC), NOT_ELIGIBLE,
                        PRIOR_POSTGRADUATE_TRAINING),
                row("Régulier with an old MD and no recent practice, Québec",
                        eligibleImg().cmqApproval(CmqApproval.REGULIER).mdGraduationDate(LocalDate.of(2019, 6, 1)),
                        stream(REGULAR_FOR_ALL, QC), on(QIMG), 1, NOT_ELIGIBLE, QUEBEC_RECENCY_REQUIRED),
                row("Régulier with an old MD and recent practice, Québec",
                        eligibleImg().cmqApproval(CmqApproval.REGULIER).mdGraduationDate(LocalDate.of(2019, 6, 1))
                                .latestClinicalActivityDate(LocalDate.of(2024, 1, 1)),
                        stream(REGULAR_FOR_ALL, QC), on(QIMG), 1, SELECTABLE),
                row("Régulier with an MD exactly four years before training, Québec",
                        eligibleImg().cmqApproval(CmqApproval.REGULIER).mdGraduationDate(LocalDate.of(2021, 7, 1)),
                        stream(REGULAR_FOR_ALL, QC), on(QIMG), 1, SELECTABLE),
                row("Old MD, Ontario (no recency rule)", eligibleImg().mdGraduationDate(LocalDate.of(2010, 6, 1)), stream(IMG, ON),
                        SELECTABLE),

                // National baseline
                row("Non-citizen IMG", eligibleImg().citizenship(Citizenship.OTHER), stream(IMG, ON), NOT_ELIGIBLE, CITIZENSHIP_REQUIRED),
                row("Permanent-resident IMG", eligibleImg().citizenship(Citizenship.PERMANENT_RESIDENT), stream(IMG, ON), SELECTABLE),
                row("Non-citizen IMG on the BCIMG list", eligibleImg().citizenship(Citizenship.OTHER), stream(IMG, BC), on(BCIMG), 1,
                        NOT_ELIGIBLE, CITIZENSHIP_REQUIRED),
                row("IMG with prior residency, iteration 1", eligibleImg().priorPostgraduateTraining(true), stream(IMG, ON), NOT_ELIGIBLE,
                        PRIOR_POSTGRADUATE_TRAINING),
                iteration2("IMG with prior residency, iteration 2", eligibleImg().priorPostgraduateTraining(true), stream(IMG, ON),
                        SELECTABLE),
                row("MCCQE I failed", eligibleImg().mccqe1(ExamResult.FAILED), stream(IMG, ON), NOT_ELIGIBLE, MCCQE1_REQUIRED),
                row("NAC not taken", eligibleImg().nac(ExamResult.NOT_TAKEN), stream(IMG, ON), NOT_ELIGIBLE, NAC_REQUIRED),
                row("Both exams missing", eligibleImg().mccqe1(ExamResult.NOT_TAKEN).nac(ExamResult.NOT_TAKEN), stream(IMG, ON),
                        NOT_ELIGIBLE, MCCQE1_REQUIRED, NAC_REQUIRED),
                row("NAC not taken, Québec (province exception in the data)",
                        eligibleImg().cmqApproval(CmqApproval.REGULIER).nac(ExamResult.NOT_TAKEN), stream(REGULAR_FOR_ALL, QC), on(QIMG), 1,
                        SELECTABLE),
                row("MCCQE I not taken, Québec (no exception)",
                        eligibleImg().cmqApproval(CmqApproval.REGULIER).mccqe1(ExamResult.NOT_TAKEN), stream(REGULAR_FOR_ALL, QC), on(QIMG),
                        1, NOT_ELIGIBLE, MCCQE1_REQUIRED),
                row("Exams missing on a CMG stream say only CMG_STREAM", eligibleImg().mccqe1(ExamResult.NOT_TAKEN), stream(CMG, ON),
                        NOT_ELIGIBLE, CMG_STREAM),
                row("MD after 1 July", eligibleImg().status(StudyStatus.FINAL_YEAR_STUDENT).mdGraduationDate(LocalDate.of(2025, 7, 2)),
                        stream(IMG, ON), NOT_ELIGIBLE, MD_NOT_COMPLETED_BY_START),
                row("MD on 1 July", eligibleImg().status(StudyStatus.FINAL_YEAR_STUDENT).mdGraduationDate(LocalDate.of(2025, 7, 1)),
                        stream(IMG, ON), SELECTABLE),
                row("Final-year student with no expected MD date",
                        eligibleImg().status(StudyStatus.FINAL_YEAR_STUDENT).mdGraduationDate(null), stream(IMG, ON), NOT_ELIGIBLE,
                        MD_NOT_COMPLETED_BY_START),

                // Provincial ties
                row("IMG with a Nova Scotia tie, Nova Scotian stream", eligibleImg().provincialTie(NS), stream(IMG_NOVA_SCOTIA, NS),
                        SELECTABLE),
                row("IMG without a tie, Nova Scotian stream", eligibleImg(), stream(IMG_NOVA_SCOTIA, NS), NOT_ELIGIBLE,
                        PROVINCIAL_TIE_REQUIRED),
                row("IMG with a New Brunswick tie, Nova Scotian stream", eligibleImg().provincialTie(NB), stream(IMG_NOVA_SCOTIA, NS),
                        NOT_ELIGIBLE, PROVINCIAL_TIE_REQUIRED),
                row("IMG with a New Brunswick tie, New Brunswicker stream", eligibleImg().provincialTie(NB), stream(IMG_NEW_BRUNSWICK, NS),
                        SELECTABLE),

                // Lists not received
                row("AIMG list not received, Alberta IMG stream", eligibleImg(), stream(IMG, AB), notReceived(AIMG), 1, PENDING,
                        LIST_NOT_YET_RECEIVED),
                row("BCIMG list not received, BC IMG stream", eligibleImg(), stream(IMG, BC), notReceived(BCIMG), 1, PENDING,
                        LIST_NOT_YET_RECEIVED),
                row("QIMG list not received, Régulier", eligibleImg().cmqApproval(CmqApproval.REGULIER), stream(REGULAR_FOR_ALL, QC),
                        notReceived(QIMG), 1, PENDING, LIST_NOT_YET_RECEIVED),
                row("No list received, Ontario IMG stream (no list decides it)", eligibleImg(), stream(IMG, ON),
                        PartnerLists.noneReceived(), 1, SELECTABLE),
                row("AIMG list not received, non-citizen: not eligible anyway", eligibleImg().citizenship(Citizenship.OTHER),
                        stream(IMG, AB), notReceived(AIMG), 1, NOT_ELIGIBLE, CITIZENSHIP_REQUIRED, LIST_NOT_YET_RECEIVED),
                row("Several failures are all reported, most severe first",
                        eligibleImg().citizenship(Citizenship.OTHER).mccqe1(ExamResult.FAILED).priorPostgraduateTraining(true),
                        stream(IMG, AB), notReceived(AIMG), 1, NOT_ELIGIBLE, CITIZENSHIP_REQUIRED, MCCQE1_REQUIRED,
                        PRIOR_POSTGRADUATE_TRAINING, LIST_NOT_YET_RECEIVED),

                // Second iteration: stream rules per province
                iteration2("CMG on an Ontario IMG stream, iteration 2 (Ontario opens to all)", cmgStudent(), stream(IMG, ON), SELECTABLE),
                iteration2("IMG on an Ontario CMG stream, iteration 2 (Ontario opens to all)", eligibleImg(), stream(CMG, ON), SELECTABLE),
                iteration2("Non-citizen IMG on an Ontario CMG stream, iteration 2", eligibleImg().citizenship(Citizenship.OTHER),
                        stream(CMG, ON), NOT_ELIGIBLE, CITIZENSHIP_REQUIRED),
                iteration2("CMG on a Nova Scotian IMG stream, iteration 2 (Maritimes stay IMG-only)", cmgStudent(),
                        stream(IMG_NOVA_SCOTIA, NS), NOT_ELIGIBLE, IMG_STREAM),
                iteration2("IMG on no list, Alberta IMG stream, iteration 2 (Alberta keeps the AIMG rule)", eligibleImg(), stream(IMG, AB),
                        NOT_ELIGIBLE, AIMG_LIST_REQUIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decidesAsTheDomainSays(Row row) {
        EligibilityRules rules = row.iteration() == 1 ? Fixtures.RULES_2025_1 : Fixtures.RULES_2025_2;

        EligibilityDecision decision = rules.decide(row.applicant(), row.stream(), row.lists());

        assertThat(decision.decision()).as(row.situation()).isEqualTo(row.expected());
        assertThat(decision.reasonCodes()).as(row.situation()).containsExactlyElementsOf(row.expectedCodes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theCataloguePathAgreesWithTheSingleStreamPath(Row row) {
        EligibilityRules rules = row.iteration() == 1 ? Fixtures.RULES_2025_1 : Fixtures.RULES_2025_2;
        StreamCatalogue catalogue = StreamCatalogue.of(List.of(row.stream(), stream(CMG, ON, true, true)));

        CatalogueDecisions decisions = rules.decideCatalogue(row.applicant(), catalogue, row.lists());

        assertThat(decisions.decisionFor(row.stream().streamId()))
                .isEqualTo(rules.decide(row.applicant(), row.stream(), row.lists()));
    }
}
