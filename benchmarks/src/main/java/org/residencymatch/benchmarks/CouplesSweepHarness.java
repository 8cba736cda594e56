package org.residencymatch.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import org.residencymatch.engine.MatchEngine;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchOptions;
import org.residencymatch.engine.MatchResult;
import org.residencymatch.engine.audit.StabilityAudit;
import org.residencymatch.engine.generate.GeneratorSpec;
import org.residencymatch.engine.generate.InstanceGenerator;
import org.residencymatch.exact.ExactMatcher;
import org.residencymatch.exact.NeighbourhoodSearch;
import org.residencymatch.exact.OracleSweep;

/**
 * The couples sweeps of docs/BENCHMARKS.md (a harness, not JMH: each instance is one shot):
 * <ul>
 *   <li>{@code carms N}, {@code national N}: hard-shape instances of seeds 1..N at CaRMS scale
 *       (5,000 applicants, 815 streams, 300 couples) or national scale (50,000, 6,000, 1,500), each
 *       matched by the engine (run seed 0) in a JVM warmed on the first instance ({@code --first-seed S}:
 *       seeds S..S+N-1); for each: stable or
 *       not, the strategy, attempts, rounds, wall and CPU time of {@code MatchEngine.run} (algorithm
 *       and audit). An instance that ends not stable is handed to the exact method with
 *       {@code --exact-seconds} (default 600) to tell whether a stable matching exists at all (up
 *       to 10,000 applicants; beyond, the model would not fit in a few gigabytes).</li>
 *   <li>{@code oracle N}: {@link OracleSweep} over N small hard instances.</li>
 *   <li>Options: {@code --seeds 5,7,14} (only those), {@code --warm-runs R} (default 5),
 *       {@code --neighbourhood-seconds S}: an instance that ends not stable goes to
 *       {@link NeighbourhoodSearch} from the engine's best matching instead of the exact method
 *       ({@code --neighbourhood-first}, {@code --neighbourhood-conflicts} set its first size and its
 *       conflicts per sub-problem).</li>
 * </ul>
 * <pre>
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar org.residencymatch.benchmarks.CouplesSweepHarness carms 50
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar org.residencymatch.benchmarks.CouplesSweepHarness national 20 --budget-seconds 0
 * java -cp benchmarks/target/benchmarks.jar org.residencymatch.benchmarks.CouplesSweepHarness oracle 10000
 * </pre>
 */
public final class CouplesSweepHarness {

    private CouplesSweepHarness() {
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "carms";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long exactSeconds = 600;
        long budgetMillis = MatchOptions.DEFAULT_TIME_BUDGET_MILLIS;
        long firstSeed = 1;
        long neighbourhoodSeconds = 0;
        int warmRuns = 5;
        int firstSize = NeighbourhoodSearch.FIRST_SIZE;
        int conflicts = NeighbourhoodSearch.CONFLICTS_PER_SOLVE;
        long[] seeds = null;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--exact-seconds" -> exactSeconds = Long.parseLong(args[i + 1]);
                // 0: no time budget, so that a run ends where its work bounds say on any machine.
                case "--budget-seconds" -> budgetMillis = Long.parseLong(args[i + 1]) * 1000;
                // Seeds first..first+N-1, e.g. 51 for instances no setting was ever looked at on.
                case "--first-seed" -> firstSeed = Long.parseLong(args[i + 1]);
                // Not stable: the neighbourhood search (match-exact) from the best matching, this long at most.
                case "--neighbourhood-seconds" -> neighbourhoodSeconds = Long.parseLong(args[i + 1]);
                // Runs of the first instance before measuring (0 when only the outcomes matter).
                case "--warm-runs" -> warmRuns = Integer.parseInt(args[i + 1]);
                case "--neighbourhood-first" -> firstSize = Integer.parseInt(args[i + 1]);
                case "--neighbourhood-conflicts" -> conflicts = Integer.parseInt(args[i + 1]);
                // Only these seeds (comma-separated), e.g. the ones that ended not stable.
                case "--seeds" -> seeds = Arrays.stream(args[i + 1].split(",")).mapToLong(Long::parseLong).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        MatchEngine engine = new MatchEngine(MatchOptions.defaults().withTimeBudgetMillis(budgetMillis));
        System.out.println("# " + what + " " + count + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", load average at start " + loadAverage());
        if (what.equals("oracle")) {
            System.out.println(OracleSweep.run(firstSeed, count));
            System.out.println("# load average at end " + loadAverage());
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> wall = new ArrayList<>();
        int stable = 0;
        if (seeds == null) {
            seeds = LongStream.range(firstSeed, firstSeed + count).toArray();
        }
        for (long seed : seeds) {
            GeneratorSpec spec = what.equals("national") ? GeneratorSpec.nationalHard(seed) : GeneratorSpec.carmsHard(seed);
            MatchInstance instance = InstanceGenerator.generate(spec);
            if (seed == seeds[0]) {
                for (int warm = 0; warm < warmRuns; warm++) {
                    engine.run(instance, 0);
                }
            }
            long cpu = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            MatchResult result = engine.run(instance, 0);
            long wallMillis = (System.nanoTime() - started) / 1_000_000;
            long cpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            wall.add(wallMillis);
            stable += result.stable() ? 1 : 0;
            System.out.printf("seed %3d: %-10s %-19s attempt %2d, %6d rounds, %6d ms wall, %6d ms CPU%s%n", seed,
                    result.stable() ? "stable" : "NOT STABLE", result.stats().strategy(), result.stats().attempts(),
                    result.stats().rounds(), wallMillis, cpuMillis,
                    result.stable() ? "" : ", " + result.audit().blockingCount() + " blocking pairs"
                            + (result.stats().budgetExhausted() ? ", time budget exhausted" : "")
                            + (neighbourhoodSeconds > 0 ? neighbourhood(instance, result, neighbourhoodSeconds, firstSize, conflicts) : exact(instance, exactSeconds)));
        }
        wall.sort(null);
        System.out.printf("# %d of %d stable by the engine; MatchEngine.run wall: median %d ms, worst %d ms; load average at end %s%n",
                stable, seeds.length, wall.get(wall.size() / 2), wall.get(wall.size() - 1), loadAverage());
    }

    private static String neighbourhood(MatchInstance instance, MatchResult result, long seconds, int firstSize, int conflicts) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        NeighbourhoodSearch.Outcome outcome = NeighbourhoodSearch.search(instance, result.programIndexByApplicant(), seconds * 1000, firstSize,
                conflicts);
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        boolean audited = outcome.programOfApplicant() != null
                && StabilityAudit.audit(instance, outcome.programOfApplicant()).stable();
        return "; neighbourhood search: " + switch (outcome.verdict()) {
            case STABLE_MATCHING_FOUND -> "STABLE (audit: " + (audited ? "stable" : "NOT STABLE") + ")";
            case NO_STABLE_MATCHING -> "no stable matching exists (proved)";
            case UNKNOWN -> "none found";
        } + String.format(" (%s; last model %d variables; %d ms wall, %d ms CPU)", outcome.steps(), outcome.variables(),
                outcome.elapsedMillis(), cpuMillis);
    }

    private static String exact(MatchInstance instance, long seconds) {
        if (instance.applicantCount() > 10_000) {
            return "; exact method not tried (" + instance.applicantCount() + " applicants)";
        }
        ExactMatcher.Outcome outcome = ExactMatcher.solve(instance, seconds * 1000);
        return "; exact method: " + switch (outcome.verdict()) {
            case STABLE_MATCHING_FOUND -> "a stable matching exists";
            case NO_STABLE_MATCHING -> "no stable matching exists (proved)";
            case UNKNOWN -> "undecided in " + seconds + " s";
        } + " (" + outcome.variables() + " variables, " + outcome.elapsedMillis() + " ms)";
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
