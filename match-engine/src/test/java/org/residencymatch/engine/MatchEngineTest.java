package org.residencymatch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.residencymatch.engine.generate.GeneratorSpec;
import org.residencymatch.engine.generate.InstanceGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/** The service-facing API: results by id, stats, audit, determinism, and concurrent runs. */
class MatchEngineTest {

    @Test
    void resultCarriesAssignmentsByIdStatsAndAudit() {
        MatchInstance instance = MatchInstance.builder()
                .program("27447", 2, List.of("A1", "A7", "A3", "A4"))
                .program("27416", 1, List.of("A4", "A1"))
                .applicant("A1", List.of("27447", "27416"))
                .applicant("A3")
                .applicant("A4")
                .applicant("A7", List.of("27447"))
                .couple("C1", "A3", "A4", List.of(ProgramPair.of("27447", "27416"), ProgramPair.of("27447", null)))
                .build();

        MatchResult result = new MatchEngine().run(instance, 0L);

        assertThat(result.assignments()).containsExactlyEntriesOf(orderedAssignments());
        assertThat(result.programOf("A7")).contains("27447");
        assertThat(result.programOf("A3")).isEmpty();
        assertThat(result.stable()).isTrue();
        assertThat(result.blocking()).isEmpty();
        assertThat(result.audit().stable()).isTrue();
        MatchStats stats = result.stats();
        assertThat(stats.applicants()).isEqualTo(4);
        assertThat(stats.matched()).isEqualTo(2);
        assertThat(stats.positions()).isEqualTo(3);
        assertThat(stats.filled()).isEqualTo(2);
        assertThat(stats.couples()).isEqualTo(1);
    }

    private static Map<String, String> orderedAssignments() {
        // A1 and A7 fill 27447, which ranks them above the couple's A3; the couple's only pairs
        // need 27447, so it stays unmatched, and 27416 stays empty.
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("A1", "27447");
        expected.put("A3", null);
        expected.put("A4", null);
        expected.put("A7", "27447");
        return expected;
    }

    @Test
    void independentInstancesRunConcurrentlyWithTheSameResultsAsAlone() throws Exception {
        List<MatchInstance> instances = new ArrayList<>();
        for (long seed = 1; seed <= 6; seed++) {
            instances.add(InstanceGenerator.generate(GeneratorSpec.of(1_500, 200, 40, seed)));
        }
        MatchEngine engine = new MatchEngine();
        List<Map<String, String>> alone = new ArrayList<>();
        for (MatchInstance instance : instances) {
            alone.add(engine.run(instance, 5L).assignments());
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Map<String, String>>> together = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (MatchInstance instance : instances) {
                    together.add(pool.submit(() -> engine.run(instance, 5L).assignments()));
                }
            }
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).isEqualTo(alone.get(i % instances.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
