package org.residencymatch.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.residencymatch.engine.support.BruteForceStability;
import org.residencymatch.engine.support.ReferenceDeferredAcceptance;
import org.residencymatch.engine.support.Seeds;
import org.residencymatch.engine.support.SimpleInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without couples the engine must return the applicant-optimal stable matching, which is unique:
 * checked on thousands of seeded random instances against a naive reference implementation.
 */
class SinglesMatchPropertiesTest {

    private final MatchEngine engine = new MatchEngine();

    @Test
    void equalsTheReferenceDeferredAcceptanceOnSmallInstances() {
        Seeds.forEach(1_000, 3_000, seed -> {
            SimpleInstance simple = SimpleInstance.random(seed, 12, 6, 0, 3);
            MatchResult result = engine.run(simple.toMatchInstance(), seed);
            assertThat(result.assignments()).isEqualTo(ReferenceDeferredAcceptance.applicantProposing(simple));
        });
    }

    @Test
    void equalsTheReferenceDeferredAcceptanceOnLargerInstances() {
        Seeds.forEach(50_000, 150, seed -> {
            SimpleInstance simple = SimpleInstance.random(seed, 150, 25, 0, 6);
            MatchResult result = engine.run(simple.toMatchInstance(), seed);
            assertThat(result.assignments()).isEqualTo(ReferenceDeferredAcceptance.applicantProposing(simple));
        });
    }

    @Test
    void doesNotDependOnTheOrderOfProposalsOrOnTheSeed() {
        Seeds.forEach(7_000, 1_500, seed -> {
            SimpleInstance simple = SimpleInstance.random(seed, 12, 6, 0, 3);
            Map<String, String> inDeclaredOrder = engine.run(simple.toMatchInstance(), 1L).assignments();
            // Declaring applicants (and programs) in another order changes who proposes first.
            MatchInstance reordered = simple.shuffledDeclarationOrder(seed).toMatchInstance();
            assertThat(engine.run(reordered, seed).assignments()).isEqualTo(inDeclaredOrder);
        });
    }

    @Test
    void isValidAndStableByTheAuditAndByBruteForce() {
        Seeds.forEach(11_000, 1_500, seed -> {
            SimpleInstance simple = SimpleInstance.random(seed, 10, 5, 0, 3);
            MatchResult result = engine.run(simple.toMatchInstance(), seed);
            assertThat(result.stable()).isTrue();
            assertThat(result.audit().reasons()).isEmpty();
            assertThat(BruteForceStability.problems(simple, result.assignments())).isEmpty();
        });
    }

    /**
     * Rural hospitals theorem: every stable matching matches the same applicants and fills each
     * program to the same level, so applicant- and program-proposing must agree on both.
     */
    @Test
    void ruralHospitalsTheoremHoldsAgainstProgramProposing() {
        Seeds.forEach(20_000, 2_000, seed -> {
            SimpleInstance simple = SimpleInstance.random(seed, 12, 6, 0, 3);
            Map<String, String> applicantOptimal = engine.run(simple.toMatchInstance(), seed).assignments();
            Map<String, String> programOptimal = ReferenceDeferredAcceptance.programProposing(simple);
            assertThat(BruteForceStability.problems(simple, programOptimal)).isEmpty();
            assertThat(matched(applicantOptimal)).isEqualTo(matched(programOptimal));
            assertThat(fill(applicantOptimal)).isEqualTo(fill(programOptimal));
        });
    }

    private static Set<String> matched(Map<String, String> matches) {
        Set<String> matched = new TreeSet<>();
        matches.forEach((applicant, program) -> {
            if (program != null) {
                matched.add(applicant);
            }
        });
        return matched;
    }

    private static Map<String, Integer> fill(Map<String, String> matches) {
        Map<String, Integer> fill = new HashMap<>();
        matches.values().stream().filter(Objects::nonNull).forEach(p -> fill.merge(p, 1, Integer::sum));
        return fill;
    }
}
