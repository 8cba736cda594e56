package org.residencymatch.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.residencymatch.engine.MatchEngine;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchResult;
import org.residencymatch.engine.audit.AuditReport;
import org.residencymatch.engine.audit.StabilityAudit;
import org.residencymatch.engine.generate.GeneratorSpec;
import org.residencymatch.engine.generate.InstanceGenerator;

/**
 * The engine on generated instances of real-world sizes. {@code match} is what a service pays per
 * run: the algorithm plus the audit. {@code auditOnly} isolates the audit. Instance generation is
 * setup, not measured.
 *
 * <ul>
 *   <li>{@code carms}: 5,000 applicants, 815 streams, 4,000 positions, 200 couples;</li>
 *   <li>{@code national-singles}: 50,000 applicants, 6,600 streams, 43,000 positions, no couple;</li>
 *   <li>{@code national}: the same with 1,250 couples;</li>
 *   <li>{@code national-x10}: ten times national, to show growth (needs a larger heap);</li>
 *   <li>{@code carms-hard}, {@code national-hard}: the hard shape for couples (issue #13: 300 and
 *       1,500 couples ranking shuffled cross products; see {@code CouplesSweepHarness} for sweeps).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatchEngineBenchmark {

    @Param({"carms", "national-singles", "national"})
    public String scale;

    /** Seed of the generated instance. */
    @Param({"1"})
    public long instanceSeed;

    private final MatchEngine engine = new MatchEngine();
    private MatchInstance instance;
    private int[] assignment;

    @Setup
    public void generate() {
        GeneratorSpec spec = switch (scale) {
            case "carms" -> GeneratorSpec.carms(instanceSeed);
            case "national-singles" -> GeneratorSpec.usNational(instanceSeed).withoutCouples();
            case "national" -> GeneratorSpec.usNational(instanceSeed);
            case "national-x10" -> GeneratorSpec.usNational(instanceSeed).scaled(10);
            case "carms-hard" -> GeneratorSpec.carmsHard(instanceSeed);
            case "national-hard" -> GeneratorSpec.nationalHard(instanceSeed);
            default -> throw new IllegalArgumentException("unknown scale " + scale);
        };
        instance = InstanceGenerator.generate(spec);
        MatchResult result = engine.run(instance, 1L);
        assignment = result.programIndexByApplicant();
        System.out.println();
        System.out.println("# " + scale + " seed " + instanceSeed + ": " + result.stats()
                + ", stable=" + result.stable());
    }

    @Benchmark
    public MatchResult match() {
        return engine.run(instance, 1L);
    }

    @Benchmark
    public AuditReport auditOnly() {
        return StabilityAudit.audit(instance, assignment);
    }
}
