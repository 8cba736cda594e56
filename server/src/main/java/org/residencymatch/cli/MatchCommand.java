package org.residencymatch.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

import org.residencymatch.engine.InstanceProblem;
import org.residencymatch.engine.InvalidInstanceException;
import org.residencymatch.engine.MatchEngine;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchOptions;
import org.residencymatch.engine.MatchResult;
import org.residencymatch.engine.MatchStats;
import org.residencymatch.engine.ProgressListener;
import org.residencymatch.engine.audit.AuditReport;
import org.residencymatch.engine.audit.StabilityAudit;
import org.residencymatch.engine.generate.GeneratorSpec;
import org.residencymatch.engine.generate.InstanceGenerator;
import org.residencymatch.exact.ExactFallback;
import org.residencymatch.exact.ExactMatcher;
import org.residencymatch.matching.MatchFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code match run | audit | generate}: the match engine on files in the format of
 * {@code docs/MATCH-FORMAT.md}.
 *
 * <p>Exit codes: 0 success (for {@code run}: the result is written, stable or not; for
 * {@code audit}: the result is valid and stable); 1 the input is refused, or the audited result is
 * not valid and stable; 2 a file cannot be read or written.
 */
@Command(name = "match", mixinStandardHelpOptions = true, description = "Run, audit and generate matches (JSON files in the residency-match instance/result format).", subcommands = {
        MatchCommand.Run.class, MatchCommand.Audit.class, MatchCommand.Generate.class})
public final class MatchCommand {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int IO_ERROR = 2;

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Match an instance and write the result with its stability audit. "
            + "A malformed instance is refused whole (exit 1) and no result is written. "
            + "Exit 0 once the result is written, even when no stable matching was found: "
            + "its \"stable\" flag and blocking pairs say so (and are printed).")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--instance", required = true, paramLabel = "FILE", description = "the instance JSON")
        Path instanceFile;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the result JSON")
        Path outFile;

        @Option(names = "--seed", defaultValue = "0", paramLabel = "SEED", description = "seed of the orders and random paths tried when the first attempt does not settle (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--budget", defaultValue = "60", paramLabel = "SECONDS", description = "time budget: after it, the best matching seen is written, marked not stable (default: ${DEFAULT-VALUE})")
        long budgetSeconds;

        @Option(names = "--exact", description = "decide exactly whether a stable matching exists (SAT model; instances up to "
                + ExactMatcher.MAX_APPLICANTS + " applicants): the result is then stable, or says that none exists (proved)")
        boolean exact;

        @Option(names = "--exact-time-limit", defaultValue = "300", paramLabel = "SECONDS", description = "time allowed to the exact method, with --exact or when a run on at most "
                + ExactMatcher.MAX_APPLICANTS + " applicants ends without a stable matching (default: ${DEFAULT-VALUE})")
        long exactSeconds;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (budgetSeconds < 1 || exactSeconds < 1) {
                err.println("--budget and --exact-time-limit must be at least 1 second");
                return REFUSED;
            }
            Progress progress = new Progress(err);
            MatchInstance instance;
            try {
                instance = readInstance(instanceFile);
            } catch (InvalidInstanceException e) {
                reportRefused(err, instanceFile, e);
                return REFUSED;
            } catch (IOException e) {
                err.println(instanceFile + ": cannot read: " + e.getMessage());
                return IO_ERROR;
            }
            if (exact && instance.applicantCount() > ExactMatcher.MAX_APPLICANTS) {
                err.println(instanceFile + ": " + instance.applicantCount() + " applicants: too many for --exact (at most "
                        + ExactMatcher.MAX_APPLICANTS + "); run without --exact");
                return REFUSED;
            }
            MatchOptions options = MatchOptions.defaults().withProgress(progress).withTimeBudgetMillis(budgetSeconds * 1000);
            ExactMatcher.Outcome exactOutcome = null;
            MatchResult result;
            if (exact) {
                progress.progress("read " + instanceFile + ", exact method", 0, -1);
                exactOutcome = ExactMatcher.solve(instance, exactSeconds * 1000);
                result = exactOutcome.verdict() == ExactMatcher.Verdict.STABLE_MATCHING_FOUND
                        ? MatchEngine.resultOf(instance, exactOutcome.programOfApplicant(), "exact", exactOutcome.elapsedMillis())
                        // No stable matching (or undecided): the portfolio's best matching, with what blocks it.
                        : new MatchEngine(options).run(instance, seed);
            } else {
                progress.progress("read " + instanceFile + ", matching", 0, -1);
                // Not stable on a small instance: the exact method decides (finds one, or proves none).
                ExactFallback.Completed completed = ExactFallback.complete(instance,
                        new MatchEngine(options).run(instance, seed), exactSeconds * 1000);
                result = completed.result();
                exactOutcome = completed.exact();
            }
            String exactVerdict = exactOutcome == null ? null : exactOutcome.verdict().id();
            progress.progress("writing " + outFile, 0, -1);
            try {
                MatchResult written = result;
                writeAtomically(outFile, out -> MatchFormat.writeResult(written, seed, exactVerdict, out));
            } catch (IOException e) {
                err.println(outFile + ": cannot write: " + e.getMessage());
                return IO_ERROR;
            }
            progress.finish();
            printSummary(result, exactOutcome);
            return OK;
        }

        private void printSummary(MatchResult result, ExactMatcher.Outcome exactOutcome) {
            MatchStats stats = result.stats();
            String verdict;
            if (result.stable()) {
                verdict = "stable (" + stats.strategy() + ", attempt " + stats.attempts() + ", " + stats.rounds() + " rounds)";
            } else {
                verdict = "NOT STABLE: " + result.audit().blockingCount() + " blocking pairs (best matching seen, "
                        + stats.strategy() + ", " + stats.attempts() + " attempts"
                        + (stats.budgetExhausted() ? ", time budget exhausted" : "") + ")";
            }
            spec.commandLine().getOut().printf("%s: %d of %d applicants matched, %d of %d positions filled, %s (%d ms)%n",
                    outFile, stats.matched(), stats.applicants(), stats.filled(), stats.positions(), verdict,
                    stats.elapsedMillis());
            if (exactOutcome != null) {
                spec.commandLine().getOut().println(switch (exactOutcome.verdict()) {
                    case STABLE_MATCHING_FOUND -> "exact method: stable matching found";
                    case NO_STABLE_MATCHING -> "exact method: no stable matching exists (proved)";
                    case UNKNOWN -> "exact method: undecided within " + exactSeconds + " s";
                } + " (" + exactOutcome.variables() + " variables, " + exactOutcome.constraints() + " constraints, "
                        + exactOutcome.elapsedMillis() + " ms)");
            }
            if (!result.stable()) {
                PrintWriter err = spec.commandLine().getErr();
                result.audit().reasons().stream().limit(20).forEach(reason -> err.println("  " + reason));
                if (exactOutcome == null || exactOutcome.verdict() == ExactMatcher.Verdict.UNKNOWN) {
                    err.println("  what to do: run again with another --seed, a longer --budget"
                            + (result.instance().applicantCount() <= ExactMatcher.MAX_APPLICANTS
                                    ? ", or --exact to decide whether a stable matching exists"
                                    : ""));
                }
                err.flush();
            }
            spec.commandLine().getOut().flush();
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "Check that a result is valid and stable for an instance. Exit 0 if so, 1 with the reasons otherwise.")
    static final class Audit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--instance", required = true, paramLabel = "FILE", description = "the instance JSON")
        Path instanceFile;

        @Option(names = "--result", required = true, paramLabel = "FILE", description = "the result JSON to check")
        Path resultFile;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            MatchInstance instance;
            MatchFormat.ResultFile result;
            try {
                instance = readInstance(instanceFile);
            } catch (InvalidInstanceException e) {
                reportRefused(err, instanceFile, e);
                return REFUSED;
            } catch (IOException e) {
                err.println(instanceFile + ": cannot read: " + e.getMessage());
                return IO_ERROR;
            }
            try (InputStream in = Files.newInputStream(resultFile)) {
                result = MatchFormat.readResult(in);
            } catch (InvalidInstanceException e) {
                reportRefused(err, resultFile, e);
                return REFUSED;
            } catch (IOException e) {
                err.println(resultFile + ": cannot read: " + e.getMessage());
                return IO_ERROR;
            }
            AuditReport report = StabilityAudit.auditByIds(instance, result.matches());
            if (report.stable()) {
                spec.commandLine().getOut().println(resultFile + ": valid and stable");
                if (!result.stable()) {
                    err.println(resultFile + ": note: the file says \"stable\": false, but nothing blocks");
                }
                spec.commandLine().getOut().flush();
                return OK;
            }
            err.println(resultFile + ": " + (report.valid() ? "" : "NOT VALID, ") + "NOT STABLE ("
                    + report.violations().size() + " validity problems, " + report.blockingCount() + " blocking pairs)");
            report.reasons().forEach(reason -> err.println("  " + reason));
            err.flush();
            return REFUSED;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Write a realistic random instance: Zipf-like popularity, ROLs of about 12, programs ranking "
            + "about 90%% of their applicants, couples ranking pairs (some with a no-match side), "
            + "0.8 positions per applicant. The same seed always gives the same file.")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--applicants", required = true, paramLabel = "N", description = "applicants, couple members included")
        int applicants;

        @Option(names = "--programs", required = true, paramLabel = "P", description = "program streams")
        int programs;

        @Option(names = "--couples", defaultValue = "0", paramLabel = "C", description = "couples (default: ${DEFAULT-VALUE})")
        int couples;

        @Option(names = "--seed", required = true, paramLabel = "S", description = "seed")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the instance JSON")
        Path outFile;

        @Option(names = "--hard", description = "the hard shape for couples: one popularity over all streams, positions "
                + "drawn by popularity, 0.85 positions per applicant, streams ranking 85%% of those who applied by a noisy "
                + "common score, and couples ranking the shuffled cross product of their partners' lists")
        boolean hard;

        @Option(names = "--skew", paramLabel = "S", description = "popularity skew: the k-th most popular stream weighs "
                + "about 1/(k+1)^S (default: 0.6)")
        Double skew;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            GeneratorSpec generatorSpec;
            try {
                generatorSpec = hard
                        ? GeneratorSpec.hard(applicants, programs, couples, seed)
                        : GeneratorSpec.of(applicants, programs, couples, seed);
                if (skew != null) {
                    generatorSpec = generatorSpec.withPopularitySkew(skew);
                }
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return REFUSED;
            }
            Progress progress = new Progress(err);
            MatchInstance instance = InstanceGenerator.generate(generatorSpec, progress);
            progress.progress("writing " + outFile, 0, -1);
            try {
                writeAtomically(outFile, out -> MatchFormat.writeInstance(instance, out));
            } catch (IOException e) {
                err.println(outFile + ": cannot write: " + e.getMessage());
                return IO_ERROR;
            }
            progress.finish();
            spec.commandLine().getOut().printf("%s: %d applicants (%d couples), %d program streams, %d positions%n",
                    outFile, instance.applicantCount(), instance.coupleCount(), instance.programCount(), instance.totalPositions());
            spec.commandLine().getOut().flush();
            return OK;
        }
    }

    // ---- shared plumbing ------------------------------------------------------------------------

    private static MatchInstance readInstance(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return MatchFormat.readInstance(in);
        }
    }

    private static void reportRefused(PrintWriter err, Path file, InvalidInstanceException refused) {
        err.println(file + ": refused, nothing written (" + refused.problems().size()
                + (refused.problems().size() == 1 ? " problem)" : " problems)"));
        for (InstanceProblem problem : refused.problems()) {
            err.println("  " + problem);
        }
        err.flush();
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes to a temporary file beside the target, then moves it in place: never a half-written file. */
    private static void writeAtomically(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        // Not Files.createTempFile: it would give the result owner-only permissions.
        Path temporary = directory.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid()
                + "-" + System.nanoTime() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                writer.write(out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Progress on the terminal for long runs: a line per phase change or every couple of seconds. */
    private static final class Progress implements ProgressListener {
        private static final long QUIET_NANOS = 1_000_000_000L;
        private static final long EVERY_NANOS = 2_000_000_000L;

        private final PrintWriter err;
        private final long started = System.nanoTime();
        private long lastReport = started;
        private String lastPhase = "";
        private boolean reported;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(String phase, long done, long total) {
            long now = System.nanoTime();
            // Short runs stay silent; after a second, report phase changes and a heartbeat.
            if (now - started < QUIET_NANOS || (phase.equals(lastPhase) && now - lastReport < EVERY_NANOS)) {
                return;
            }
            lastPhase = phase;
            lastReport = now;
            reported = true;
            if (total >= 0) {
                err.printf("[%5.1fs] %s: %d / %d%n", (now - started) / 1e9, phase, done, total);
            } else {
                err.printf("[%5.1fs] %s%n", (now - started) / 1e9, phase);
            }
            err.flush();
        }

        void finish() {
            if (reported) {
                err.printf("[%5.1fs] done%n", (System.nanoTime() - started) / 1e9);
                err.flush();
            }
        }
    }
}
