package org.residencymatch.engine.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.ProgramPair;
import org.residencymatch.engine.support.BruteForceStability;
import org.residencymatch.engine.support.Seeds;
import org.residencymatch.engine.support.SimpleInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit against hand-made cases of the format's definition, and against brute force on
 * thousands of arbitrary (often invalid, often unstable) matchings.
 */
class StabilityAuditTest {

    @Test
    void agreesWithBruteForceOnArbitraryMatchings() {
        Seeds.forEach(300_000, 4_000, seed -> {
            SimpleInstance simple = SimpleInstance.random(seed, 8, 4, 3, 2);
            MatchInstance instance = simple.toMatchInstance();
            Map<String, String> matches = randomMatching(simple, new SplittableRandom(seed));

            AuditReport report = StabilityAudit.auditByIds(instance, matches);
            List<String> bruteForce = BruteForceStability.problems(simple, matches);

            boolean bruteForceValid = bruteForce.stream().allMatch(p -> p.startsWith("blocking"));
            assertThat(report.valid()).as("audit %s, brute force %s", report.violations(), bruteForce).isEqualTo(bruteForceValid);
            assertThat(report.blockingCount()).as("audit %s, brute force %s", report.blocking(), bruteForce)
                    .isEqualTo(bruteForce.stream().filter(p -> p.startsWith("blocking")).count());
            assertThat(report.stable()).isEqualTo(bruteForce.isEmpty());
        });
    }

    /** Mostly plausible assignments (something on the list, or nothing), sometimes nonsense. */
    private static Map<String, String> randomMatching(SimpleInstance simple, SplittableRandom random) {
        List<String> programs = new ArrayList<>(simple.programs().keySet());
        Map<String, String> matches = new LinkedHashMap<>();
        simple.applicants().forEach((applicant, rol) -> {
            int choice = random.nextInt(rol.size() + 2);
            matches.put(applicant, choice < rol.size()
                    ? rol.get(choice)
                    : choice == rol.size() ? null : programs.get(random.nextInt(programs.size())));
        });
        simple.couples().forEach((couple, details) -> {
            int choice = random.nextInt(details.pairs().size() + 2);
            ProgramPair pair = choice < details.pairs().size()
                    ? details.pairs().get(choice)
                    : choice == details.pairs().size()
                            ? ProgramPair.of(null, null)
                            : ProgramPair.of(programs.get(random.nextInt(programs.size())), null);
            matches.put(details.first(), pair.first());
            matches.put(details.second(), pair.second());
        });
        return matches;
    }

    @Test
    void singleBlocksWithAPreferredProgramThatHasAFreePosition() {
        MatchInstance instance = MatchInstance.builder()
                .program("P", 1, List.of("a"))
                .program("Q", 1, List.of("a"))
                .applicant("a", List.of("P", "Q"))
                .build();

        AuditReport report = StabilityAudit.auditByIds(instance, Map.of("a", "Q"));

        assertThat(report.valid()).isTrue();
        assertThat(report.blocking()).containsExactly(new BlockingPair(BlockingPair.Kind.SINGLE, "a", List.of("P")));
        assertThat(report.stable()).isFalse();
    }

    @Test
    void refusesAnAssignmentTheProgramDoesNotRankAndAQuotaExceeded() {
        MatchInstance instance = MatchInstance.builder()
                .program("P", 1, List.of("a"))
                .applicant("a", List.of("P"))
                .applicant("b", List.of("P"))
                .build();

        AuditReport report = StabilityAudit.auditByIds(instance, Map.of("a", "P", "b", "P"));

        assertThat(report.valid()).isFalse();
        assertThat(report.violations()).anyMatch(v -> v.contains("\"b\"") && v.contains("does not rank"))
                .anyMatch(v -> v.contains("\"P\" holds 2 applicants for a quota of 1"));
    }

    @Test
    void refusesMissingUnknownAndUnrankedAssignments() {
        MatchInstance instance = MatchInstance.builder()
                .program("P", 1, List.of("a", "b"))
                .program("Q", 1, List.of("a"))
                .applicant("a", List.of("P"))
                .applicant("b", List.of("P"))
                .build();
        Map<String, String> matches = new HashMap<>();
        matches.put("a", "Q");
        matches.put("z", null);

        AuditReport report = StabilityAudit.auditByIds(instance, matches);

        assertThat(report.violations())
                .anyMatch(v -> v.contains("\"a\"") && v.contains("not on their ROL"))
                .anyMatch(v -> v.contains("unknown applicant \"z\""))
                .anyMatch(v -> v.contains("\"b\" is missing"));
    }

    @Test
    void coupleMovingIntoOneProgramNeedsASlotEach() {
        // P (quota 2) holds x (rank 1) and y (rank 3). The couple's members rank 0 and 2.
        // Member ranked 2 can only have y's slot; member ranked 0 then takes x's: both fit.
        MatchInstance instance = MatchInstance.builder()
                .program("P", 2, List.of("m", "x", "n", "y"))
                .applicant("x", List.of("P"))
                .applicant("y", List.of("P"))
                .applicant("m")
                .applicant("n")
                .couple("C", "m", "n", List.of(ProgramPair.of("P", "P")))
                .build();
        Map<String, String> matches = new HashMap<>();
        matches.put("x", "P");
        matches.put("y", "P");
        matches.put("m", null);
        matches.put("n", null);

        assertThat(StabilityAudit.auditByIds(instance, matches).blocking())
                .containsExactly(new BlockingPair(BlockingPair.Kind.COUPLE, "C", pair("P", "P")));
    }

    @Test
    void coupleMovingIntoOneProgramIsNotTakenWhenOnlyOneSlotIsAvailable() {
        // P holds x (rank 0) and y (rank 2); members rank 1 and 3: only y's slot is below anyone.
        MatchInstance instance = MatchInstance.builder()
                .program("P", 2, List.of("x", "m", "y", "n"))
                .applicant("x", List.of("P"))
                .applicant("y", List.of("P"))
                .applicant("m")
                .applicant("n")
                .couple("C", "m", "n", List.of(ProgramPair.of("P", "P")))
                .build();
        Map<String, String> matches = new HashMap<>();
        matches.put("x", "P");
        matches.put("y", "P");
        matches.put("m", null);
        matches.put("n", null);

        assertThat(StabilityAudit.auditByIds(instance, matches).stable()).isTrue();
    }

    @Test
    void aPartnerAlreadyAtTheProgramIsPresentNeitherFreeNorDisplaceable() {
        // The couple holds (Q, P); it prefers (P, P). P (quota 2) holds n (rank 3) and x (rank 2).
        // m (rank 1) moving to P may take x's slot, not n's (n is present): it blocks.
        MatchInstance instance = MatchInstance.builder()
                .program("P", 2, List.of("o", "m", "x", "n"))
                .program("Q", 1, List.of("m"))
                .applicant("x", List.of("P"))
                .applicant("o", List.of())
                .applicant("m")
                .applicant("n")
                .couple("C", "m", "n", List.of(ProgramPair.of("P", "P"), ProgramPair.of("Q", "P")))
                .build();
        Map<String, String> matches = new HashMap<>();
        matches.put("x", "P");
        matches.put("o", null);
        matches.put("m", "Q");
        matches.put("n", "P");
        assertThat(StabilityAudit.auditByIds(instance, matches).blocking())
                .containsExactly(new BlockingPair(BlockingPair.Kind.COUPLE, "C", pair("P", "P")));

        // With x ranked above m instead, n's slot would be the only one below m: not taken.
        MatchInstance xAbove = MatchInstance.builder()
                .program("P", 2, List.of("x", "m", "n"))
                .program("Q", 1, List.of("m"))
                .applicant("x", List.of("P"))
                .applicant("o", List.of())
                .applicant("m")
                .applicant("n")
                .couple("C", "m", "n", List.of(ProgramPair.of("P", "P"), ProgramPair.of("Q", "P")))
                .build();
        assertThat(StabilityAudit.auditByIds(xAbove, matches).stable()).isTrue();
    }

    @Test
    void coupleAssignedToAPairItDidNotRankIsInvalid() {
        MatchInstance instance = MatchInstance.builder()
                .program("P", 1, List.of("m"))
                .program("Q", 1, List.of("n"))
                .applicant("m")
                .applicant("n")
                .couple("C", "m", "n", List.of(ProgramPair.of("P", "Q")))
                .build();
        Map<String, String> matches = new HashMap<>();
        matches.put("m", "P");
        matches.put("n", null);

        assertThat(StabilityAudit.auditByIds(instance, matches).violations())
                .anyMatch(v -> v.contains("couple \"C\"") && v.contains("not one of its pairs"));
    }

    private static List<String> pair(String first, String second) {
        List<String> pair = new ArrayList<>();
        pair.add(first);
        pair.add(second);
        return pair;
    }
}
