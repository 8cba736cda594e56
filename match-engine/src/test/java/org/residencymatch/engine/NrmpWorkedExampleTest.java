package org.residencymatch.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NRMP's published illustrations of its matching algorithm, reproduced assignment for
 * assignment.
 */
class NrmpWorkedExampleTest {

    private final MatchEngine engine = new MatchEngine();

    /**
     * "Run a Match" (NRMP, nrmp.org/wp-content/uploads/2014/05/Run-A-Match.pdf): five applicants,
     * three programs of two positions each. Published outcome: City fills with Eastman and
     * Anderson, Mercy matches Chen and keeps one position unfilled, General takes Ford and Davis.
     */
    @Test
    void runAMatchFiveApplicantsThreePrograms() {
        MatchInstance instance = MatchInstance.builder()
                .program("Mercy", 2, List.of("Chen", "Ford"))
                .program("City", 2, List.of("Eastman", "Anderson", "Chen", "Davis", "Ford"))
                .program("General", 2, List.of("Eastman", "Anderson", "Ford", "Davis"))
                .applicant("Anderson", List.of("City"))
                .applicant("Chen", List.of("City", "Mercy"))
                .applicant("Ford", List.of("City", "General", "Mercy"))
                .applicant("Davis", List.of("Mercy", "City", "General"))
                .applicant("Eastman", List.of("City", "Mercy", "General"))
                .build();

        MatchResult result = engine.run(instance, 1L);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Anderson", "City");
        expected.put("Chen", "Mercy");
        expected.put("Ford", "General");
        expected.put("Davis", "General");
        expected.put("Eastman", "City");
        assertThat(result.assignments()).containsExactlyEntriesOf(expected);
        assertThat(result.stable()).isTrue();
        assertThat(result.stats().positions()).isEqualTo(6);
        assertThat(result.stats().filled()).isEqualTo(5);
    }

    /**
     * The older, larger NRMP illustration ("How the Matching Algorithm Works"): eight applicants,
     * four programs of two positions. Anderson, who ranked only City, and Brown, who ranked only
     * the two most desired programs, end unmatched; Mercy and General keep a vacancy each.
     */
    @Test
    void howTheMatchingAlgorithmWorksEightApplicantsFourPrograms() {
        MatchInstance instance = MatchInstance.builder()
                .program("Mercy", 2, List.of("Chen", "Garcia"))
                .program("City", 2, List.of("Garcia", "Hassan", "Eastman", "Anderson", "Brown", "Chen", "Davis", "Ford"))
                .program("General", 2, List.of("Brown", "Eastman", "Hassan", "Anderson", "Chen", "Davis", "Garcia"))
                .program("State", 2, List.of("Brown", "Eastman", "Anderson", "Chen", "Hassan", "Ford", "Davis", "Garcia"))
                .applicant("Anderson", List.of("City"))
                .applicant("Brown", List.of("City", "Mercy"))
                .applicant("Chen", List.of("City", "Mercy"))
                .applicant("Davis", List.of("Mercy", "City", "General", "State"))
                .applicant("Eastman", List.of("City", "Mercy", "State", "General"))
                .applicant("Ford", List.of("City", "General", "Mercy", "State"))
                .applicant("Garcia", List.of("City", "Mercy", "State", "General"))
                .applicant("Hassan", List.of("State", "City", "Mercy", "General"))
                .build();

        MatchResult result = engine.run(instance, 1L);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Anderson", null);
        expected.put("Brown", null);
        expected.put("Chen", "Mercy");
        expected.put("Davis", "General");
        expected.put("Eastman", "City");
        expected.put("Ford", "State");
        expected.put("Garcia", "City");
        expected.put("Hassan", "State");
        assertThat(result.assignments()).containsExactlyEntriesOf(expected);
        assertThat(result.stable()).isTrue();
    }
}
