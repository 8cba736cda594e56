package org.residencymatch.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.eligibility.Fixtures.allReceivedWithout;
import static org.residencymatch.eligibility.Fixtures.eligibleImg;
import static org.residencymatch.eligibility.Fixtures.stream;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;

/**
 * Ontario's two-years-of-Ontario-high-school rule for first-iteration IMGs arrived with the 2026
 * cycle. It is a data change: the 2026 rules file adds a rule; no code knows about Ontario.
 */
class OntarioRuleChangeTest {

    private static final StreamFacts ONTARIO_IMG_STREAM = stream(StreamType.IMG, Province.ON);

    /** The same person in both cycles: MD one year before each cycle's training start. */
    private static ApplicantFacts applicant(int cycleYear, int ontarioHighSchoolYears) {
        return eligibleImg()
                .mdGraduationDate(LocalDate.of(cycleYear - 1, 6, 1))
                .highSchoolYears(Province.ON, ontarioHighSchoolYears)
                .build();
    }

    @Test
    void anImgWithoutOntarioHighSchoolIsSelectableIn2025AndNotEligibleIn2026() {
        EligibilityDecision in2025 = Fixtures.RULES_2025_1.decide(applicant(2025, 1), ONTARIO_IMG_STREAM, allReceivedWithout());
        EligibilityDecision in2026 = Fixtures.RULES_2026_1.decide(applicant(2026, 1), ONTARIO_IMG_STREAM, allReceivedWithout());

        assertThat(in2025.decision()).isEqualTo(Decision.SELECTABLE);
        assertThat(in2026.decision()).isEqualTo(Decision.NOT_ELIGIBLE);
        assertThat(in2026.reasonCodes()).containsExactly(ReasonCodes.ONTARIO_HIGH_SCHOOL_REQUIRED);
        assertThat(in2026.reasons().get(0).provenance().rules()).isEqualTo(new RulesFileId("2026-R1", 1, 1));
    }

    @Test
    void twoYearsOfOntarioHighSchoolSatisfyThe2026Rule() {
        EligibilityDecision decision = Fixtures.RULES_2026_1.decide(applicant(2026, 2), ONTARIO_IMG_STREAM, allReceivedWithout());

        assertThat(decision.decision()).isEqualTo(Decision.SELECTABLE);
    }

    @Test
    void theRuleIsForTheFirstIterationAndOntarioOnly() {
        ApplicantFacts applicant = applicant(2026, 0);

        assertThat(Fixtures.RULES_2026_2.decide(applicant, ONTARIO_IMG_STREAM, allReceivedWithout()).decision())
                .isEqualTo(Decision.SELECTABLE);
        assertThat(Fixtures.RULES_2026_1.decide(applicant, stream(StreamType.IMG, Province.MB), allReceivedWithout())
                .decision())
                .isEqualTo(Decision.SELECTABLE);
    }

    @Test
    void the2026FileDiffersFrom2025OnlyByTheOntarioRule() {
        assertThat(Fixtures.RULES_2026_1.ruleIds())
                .containsExactlyInAnyOrderElementsOf(concat(Fixtures.RULES_2025_1.ruleIds(), "ON_HIGH_SCHOOL_YEARS"));
    }

    private static List<String> concat(List<String> ids, String extra) {
        List<String> all = new ArrayList<>(ids);
        all.add(extra);
        return all;
    }
}
