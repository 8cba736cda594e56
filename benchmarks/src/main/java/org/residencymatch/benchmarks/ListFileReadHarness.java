package org.residencymatch.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.lists.ListFileReader;
import org.residencymatch.tabular.TableReader;

/**
 * Times reading a partner list file, the first step of an upload, without a database: the
 * 100,000-row AIMG list of {@link ListPathHarness} (same generator), as CSV and as XLSX, through
 *
 * <ul>
 *   <li>{@code ListFileReader.read}: read the table and check every row, what an upload does;
 *   <li>{@code TableReader.read}: the table alone (for the XLSX, the checks of every part included).
 * </ul>
 *
 * <p>Each is run a few times to warm the JIT, then timed over {@code --runs} runs; the median is printed
 * on a {@code RESULT} line, along with the fastest and slowest run (the machine is shared, so the spread
 * says how noisy a series was) and the median time the garbage collector took during a run (reading a
 * list keeps 100,000 rows alive while it allocates, so collections are costly). Single shots, not
 * JMH: each one takes hundreds of milliseconds.
 *
 * <pre>
 * mvn -q -o -Pbench -pl benchmarks -am package -Dmaven.test.skip=true
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar org.residencymatch.benchmarks.ListFileReadHarness [--runs 9] [--warmup 5] [--rows 100000] \
 *      [--only "ListFileReader CSV"]
 * </pre>
 *
 * <p>{@code --only} times only the measurements whose name starts with it (for a profiler:
 * {@code -XX:StartFlightRecording=filename=x.jfr,settings=profile}).
 */
public final class ListFileReadHarness {

    /** One timed operation; checked exceptions are failures of the harness. */
    private interface Shot {
        Object run() throws Exception;
    }

    /** Times only the measurements whose name starts with this ({@code --only}). */
    private static String only = "";

    public static void main(String[] args) throws Exception {
        int runs = 9, warmup = 5, rows = 100_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        byte[] csv = ListPathHarness.Seeder.csv(rows, 0);
        byte[] xlsx = ListPathHarness.Seeder.xlsx(rows, 0);
        System.out.printf(Locale.ROOT, "ListFileReadHarness: %,d-row AIMG list (CSV %,d bytes, XLSX %,d bytes), %d warm-up + %d measured runs, "
                + "%d cores, JDK %s%n", rows, csv.length, xlsx.length, warmup, runs, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        // Every row must be read: a harness that times a refusal would measure nothing useful.
        int expected = rows;

        time("ListFileReader CSV ", warmup, runs, () -> expectRows(ListFileReader.read(ListKind.AIMG, "aimg.csv", csv).rows().size(), expected));
        time("ListFileReader XLSX", warmup, runs, () -> expectRows(ListFileReader.read(ListKind.AIMG, "aimg.xlsx", xlsx).rows().size(), expected));
        time("TableReader CSV    ", warmup, runs, () -> expectRows(TableReader.read("aimg.csv", csv).rows().size(), expected));
        time("TableReader XLSX   ", warmup, runs, () -> expectRows(TableReader.read("aimg.xlsx", xlsx).rows().size(), expected));
    }

    private static void time(String what, int warmup, int runs, Shot shot) throws Exception {
        if (!what.startsWith(only)) return;
        for (int i = 0; i < warmup; i++) shot.run();
        List<Double> ms = new ArrayList<>(), gcMs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long gc = gcMillis(), t = System.nanoTime();
            shot.run();
            ms.add((System.nanoTime() - t) / 1e6);
            gcMs.add((double) (gcMillis() - gc));
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "RESULT %s median %6.0f ms  (min %6.0f, max %6.0f, %d runs; of which GC median %4.0f ms)%n", what,
                ListPathHarness.median(ms), sorted[0], sorted[sorted.length - 1], runs, ListPathHarness.median(gcMs));
    }

    /** Milliseconds the collectors have spent so far (the pauses, for G1's young and mixed collections). */
    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) total += Math.max(0, gc.getCollectionTime());
        return total;
    }

    private static Object expectRows(int actual, int expected) {
        if (actual != expected) throw new IllegalStateException("read " + actual + " rows, expected " + expected);
        return actual;
    }

    private ListFileReadHarness() {}
}
