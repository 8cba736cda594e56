package org.residencymatch.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;

/** Applicants, streams and list views shared by the eligibility tests. */
final class Fixtures {

    static final EligibilityRules RULES_2025_1 = EligibilityRulesLoader.fromClasspath("2025-R1", 1);
    static final EligibilityRules RULES_2025_2 = EligibilityRulesLoader.fromClasspath("2025-R1", 2);
    static final EligibilityRules RULES_2026_1 = EligibilityRulesLoader.fromClasspath("2026-R1", 1);
    static final EligibilityRules RULES_2026_2 = EligibilityRulesLoader.fromClasspath("2026-R1", 2);
    static final List<EligibilityRules> ALL_SHIPPED_RULES = List.of(RULES_2025_1, RULES_2025_2, RULES_2026_1, RULES_2026_2);

    /**
     * Every fact verified: the scenarios that state the rules themselves take the applicant's facts as
     * settled; those of {@code VerificationTableTest} start from {@link FactChecks#none()}.
     */
    static final FactChecks ALL_VERIFIED = FactChecks.allVerified(Verifier.OPERATOR, "the match operator", LocalDate.of(2024, 9, 1));

    private Fixtures() {
    }

    /** An IMG who meets the whole national baseline: citizen, MD in 2023, both exams passed. */
    static ApplicantFacts.Builder eligibleImg() {
        return ApplicantFacts.builder("img-1", ApplicantCategory.IMG)
                .citizenship(Citizenship.CITIZEN)
                .status(StudyStatus.GRADUATE)
                .mdGraduationDate(LocalDate.of(2023, 5, 15))
                .mccqe1(ExamResult.PASSED)
                .nac(ExamResult.PASSED)
                .checks(ALL_VERIFIED);
    }

    /** A final-year Canadian student graduating in May of the match year. */
    static ApplicantFacts.Builder cmgStudent() {
        return ApplicantFacts.builder("cmg-1", ApplicantCategory.CMG)
                .citizenship(Citizenship.CITIZEN)
                .status(StudyStatus.FINAL_YEAR_STUDENT)
                .mdGraduationDate(LocalDate.of(2025, 5, 30))
                .checks(ALL_VERIFIED);
    }

    static StreamFacts stream(StreamType type, Province province) {
        return new StreamFacts(type + "-" + province, province, type, false, false);
    }

    static StreamFacts stream(StreamType type, Province province, boolean returnOfService, boolean includesMilitary) {
        return new StreamFacts(
                type + "-" + province + (returnOfService ? "-ros" : "") + (includesMilitary ? "-mil" : ""),
                province,
                type,
                returnOfService,
                includesMilitary);
    }

    /** Every list received in version 1, without the applicant. */
    static PartnerLists allReceivedWithout() {
        PartnerLists lists = PartnerLists.noneReceived();
        for (ListKind kind : ListKind.values()) {
            lists = lists.withNonMember(kind, 1);
        }
        return lists;
    }

    /** One stream of every signature: every type, province and flag combination. */
    static List<StreamFacts> everyKindOfStream() {
        List<StreamFacts> streams = new ArrayList<>();
        for (StreamType type : StreamType.values()) {
            for (Province province : Province.values()) {
                for (boolean ros : new boolean[]{false, true}) {
                    for (boolean military : new boolean[]{false, true}) {
                        streams.add(stream(type, province, ros, military));
                    }
                }
            }
        }
        return streams;
    }
}
