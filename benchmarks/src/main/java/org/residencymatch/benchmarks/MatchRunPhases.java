package org.residencymatch.benchmarks;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.residencymatch.engine.MatchEngine;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchOptions;
import org.residencymatch.engine.MatchResult;
import org.residencymatch.matching.MatchFormat;

/**
 * Where the CPU of a {@code match run} goes, phase by phase: what the command does (read the
 * instance, run the engine with its audit, write the result), timed by the CPU time of the thread
 * that does it, with the process's CPU time since it started. The first run is a cold JVM, as the
 * command is; later runs ({@code --runs}) show the same phases warm.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:InitialRAMPercentage=5 \
 *      -cp server/target/residency-match.jar benchmarks/src/main/java/org/residencymatch/benchmarks/MatchRunPhases.java \
 *      national-hard-1.json [--runs 3]
 * </pre>
 * (source-file mode: the compilation of this file is not in the phases, but is in the process's CPU.)
 */
public final class MatchRunPhases {

    private MatchRunPhases() {
    }

    public static void main(String[] args) throws Exception {
        Path instanceFile = Path.of(args[0]);
        int runs = args.length > 2 && args[1].equals("--runs") ? Integer.parseInt(args[2]) : 1;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path out = Files.createTempFile("match-run-phases", ".json");
        try {
            for (int run = 1; run <= runs; run++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                MatchInstance instance;
                try (InputStream in = Files.newInputStream(instanceFile)) {
                    instance = MatchFormat.readInstance(in);
                }
                long cpu1 = threads.getCurrentThreadCpuTime();
                long wall1 = System.nanoTime();
                MatchResult result = new MatchEngine(MatchOptions.defaults()).run(instance, 0);
                long cpu2 = threads.getCurrentThreadCpuTime();
                long wall2 = System.nanoTime();
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                    MatchFormat.writeResult(result, 0, o);
                }
                long cpu3 = threads.getCurrentThreadCpuTime();
                long wall3 = System.nanoTime();
                System.out.printf(Locale.ROOT,
                        "run %d: read %d ms CPU (%d wall), engine+audit %d ms CPU (%d wall), write %d ms CPU (%d wall);"
                                + " process CPU so far %d ms; %s, %s, attempt %d, %d applicants%n",
                        run, ms(cpu1 - cpu0), ms(wall1 - wall0), ms(cpu2 - cpu1), ms(wall2 - wall1), ms(cpu3 - cpu2),
                        ms(wall3 - wall2), ms(os.getProcessCpuTime()), result.stable() ? "stable" : "NOT stable",
                        result.stats().strategy(), result.stats().attempts(), instance.applicantCount());
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
