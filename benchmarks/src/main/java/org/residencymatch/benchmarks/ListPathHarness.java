package org.residencymatch.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.residencymatch.Services;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.lists.Identifiers;
import org.residencymatch.lists.ListUploadService;
import org.residencymatch.lists.ListVersionService;
import org.residencymatch.store.Database;

/**
 * A harness (not JMH: each measured operation is a single multi-second shot) for the partner list
 * path at national scale: 100,000 registered applicants and a 100,000-row AIMG list whose rows all
 * match, as CSV and as XLSX.
 *
 * <p>It times, after a warm-up, each a few times, and prints the median:
 * <ul>
 *   <li>{@code upload}: read + check + match + store the draft + preview ({@link ListUploadService#upload}
 *       returns the preview), for the CSV and for the XLSX file;
 *   <li>{@code commit}: {@link ListVersionService#commit} of such an upload on H2 (in memory) and on
 *       PostgreSQL (a scratch schema), both the first version of the list (100,000 members added) and a
 *       next version in which every member's MMI score changed;
 *   <li>{@code COPY}: PostgreSQL's own {@code COPY ... FROM STDIN} (pgjdbc's CopyManager) of the same
 *       100,000 rows into a plain table with list_membership's columns and primary key, the floor a
 *       commit can be compared to.
 * </ul>
 *
 * <pre>
 * mvn -q -Pbench -pl benchmarks -am package -DskipTests
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar org.residencymatch.benchmarks.ListPathHarness \
 *      [--pg-url jdbc:postgresql://127.0.0.1:5432/test] [--pg-user postgres] [--no-pg] [--no-h2] [--runs 3] [--rows 100000]
 * </pre>
 */
public final class ListPathHarness {

    static final String CYCLE = "2025-R1";

    public static void main(String[] args) throws Exception {
        String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test", pgUser = "postgres";
        boolean h2 = true, pg = true;
        int runs = 3, rows = 100_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pg-url", "--db-url" -> pgUrl = args[++i];
                case "--pg-user" -> pgUser = args[++i];
                case "--no-pg" -> pg = false;
                case "--no-h2" -> h2 = false;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "ListPathHarness: %,d applicants, %,d-row AIMG list, %d measured runs after 1 warm-up, %d cores, JDK %s%n",
                rows, rows, runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        byte[] csv = Seeder.csv(rows, 0), csv2 = Seeder.csv(rows, 1);
        byte[] xlsx = Seeder.xlsx(rows, 0);
        System.out.printf(Locale.ROOT, "files: CSV %,d bytes, XLSX %,d bytes%n", csv.length, xlsx.length);
        if (h2) {
            run("H2", () -> Database.open("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + Database.H2_POSTGRES_MODE, "sa", "", null),
                    rows, runs, csv, csv2, xlsx, true);
        }
        if (pg) {
            String url = pgUrl, user = pgUser;
            List<String> schemas = new ArrayList<>();
            try {
                run("PostgreSQL", () -> {
                    String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                    schemas.add(schema);
                    return Database.open(url, user, "", schema);
                }, rows, runs, csv, csv2, xlsx, false);
                copy(url, user, rows, runs);
            } finally {
                try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
                    for (String schema : schemas) s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    /** Uploads (CSV, XLSX) and commits on one kind of database; each commit-of-a-first-version run gets a fresh database. */
    private static void run(String name, Supplier<Database> fresh, int rows, int runs, byte[] csv, byte[] csv2, byte[] xlsx, boolean closeEach)
            throws Exception {
        List<Double> uploadCsv = new ArrayList<>(), uploadXlsx = new ArrayList<>(), commitFirst = new ArrayList<>(), commitNext = new ArrayList<>(),
                effectsFirst = new ArrayList<>(), effectsNext = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            boolean warmUp = run == 0;
            try (Services services = Services.start(fresh.get())) {
                long t = System.nanoTime();
                Seeder.seed(services, rows);
                System.out.printf(Locale.ROOT, "%s run %d: seeded %,d applicants in %.1f s%n", name, run, rows, secs(t));
                ListUploadService lists = services.listUploads();
                ListVersionService versions = services.listVersions();

                t = System.nanoTime();
                var x = lists.upload(CYCLE, ListKind.AIMG, "aimg.xlsx", xlsx, "bench");
                double xs = secs(t);
                check(x.preview().outcomes().get(org.residencymatch.lists.MatchOutcome.MATCHED) == rows, "all XLSX rows match");
                t = System.nanoTime();
                var c = lists.upload(CYCLE, ListKind.AIMG, "aimg.csv", csv, "bench");
                double cs = secs(t);
                check(c.preview().outcomes().get(org.residencymatch.lists.MatchOutcome.MATCHED) == rows, "all CSV rows match");
                check(c.preview().added().size() == rows, "all added");

                // A commit is two transactions (ListVersionService.commit): the version made current, then its effects.
                t = System.nanoTime();
                int v1 = versions.commitVersion(CYCLE, c.preview().uploadId(), "bench").version();
                double first = secs(t);
                t = System.nanoTime();
                versions.applyPendingEffects(CYCLE, ListKind.AIMG, org.residencymatch.jobs.Progress.NONE);
                double firstEffects = secs(t);
                check(v1 == 1, "version 1");

                var next = lists.upload(CYCLE, ListKind.AIMG, "aimg-2.csv", csv2, "bench");
                check(next.preview().changed().size() == rows, "all changed");
                t = System.nanoTime();
                versions.commitVersion(CYCLE, next.preview().uploadId(), "bench");
                double second = secs(t);
                t = System.nanoTime();
                versions.applyPendingEffects(CYCLE, ListKind.AIMG, org.residencymatch.jobs.Progress.NONE);
                double secondEffects = secs(t);
                int members = services.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM list_membership WHERE kind = 'AIMG' AND version = 2").mapTo(Integer.class).one());
                check(members == rows, "version 2 has every member");
                System.out.printf(Locale.ROOT, "%s run %d%s: upload CSV %.2f s, upload XLSX %.2f s, commit v1 (all added) %.2f s + effects %.2f s, "
                        + "commit v2 (all changed) %.2f s + effects %.2f s%n", name, run, warmUp ? " (warm-up)" : "", cs, xs, first, firstEffects, second, secondEffects);
                // The in-memory database outlives its connections (DB_CLOSE_DELAY=-1: Flyway migrates on a
                // connection of its own, which may close before the pool opens one); empty it after the run.
                if (closeEach) services.database().jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
                if (!warmUp) {
                    uploadCsv.add(cs);
                    uploadXlsx.add(xs);
                    commitFirst.add(first);
                    commitNext.add(second);
                    effectsFirst.add(firstEffects);
                    effectsNext.add(secondEffects);
                }
            }
        }
        System.out.printf(Locale.ROOT, "RESULT %s median of %d: upload+preview CSV %.2f s, upload+preview XLSX %.2f s, commit v1 %.2f s (effects %.2f s), "
                + "commit v2 %.2f s (effects %.2f s)%n", name, runs, median(uploadCsv), median(uploadXlsx), median(commitFirst), median(effectsFirst),
                median(commitNext), median(effectsNext));
    }

    /** PostgreSQL's COPY of the same rows into a plain table shaped like list_membership. */
    private static void copy(String url, String user, int rows, int runs) throws Exception {
        StringBuilder data = new StringBuilder(rows * 40);
        for (int i = 0; i < rows; i++) {
            data.append(CYCLE).append(",AIMG,1,").append(Seeder.id(i)).append(",,").append(Seeder.score(i, 0)).append(",\n");
        }
        String text = data.toString();
        String schema = "bench_copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<Double> times = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
                s.execute("CREATE TABLE " + schema + ".membership_copy (cycle_id VARCHAR(40) NOT NULL, kind VARCHAR(10) NOT NULL, "
                        + "version INTEGER NOT NULL, applicant_id VARCHAR(40) NOT NULL, contingent VARCHAR(20), mmi_score DECIMAL(6, 2), "
                        + "assessment_outcome VARCHAR(100), PRIMARY KEY (cycle_id, kind, version, applicant_id))");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try {
                for (int run = 0; run <= runs; run++) {
                    try (Statement s = c.createStatement()) {
                        s.execute("TRUNCATE " + schema + ".membership_copy");
                    }
                    c.setAutoCommit(false);
                    long t = System.nanoTime();
                    long n = copy.copyIn("COPY " + schema + ".membership_copy FROM STDIN WITH (FORMAT csv)", new StringReader(text));
                    c.commit();
                    double s = secs(t);
                    c.setAutoCommit(true);
                    check(n == rows, "COPY count");
                    System.out.printf(Locale.ROOT, "PostgreSQL COPY run %d%s: %,d rows in %.3f s%n", run, run == 0 ? " (warm-up)" : "", n, s);
                    if (run > 0) times.add(s);
                }
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
        System.out.printf(Locale.ROOT, "RESULT PostgreSQL COPY median of %d: %.3f s%n", runs, median(times));
    }

    static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalStateException("check failed: " + what);
    }

    /**
     * Seeds a database with the bundled 2025 catalogue and {@code n} IMG applicants with identities and
     * profiles, inserted in JDBC batches (DemoData's one-by-one inserts are too slow for 100,000), and
     * writes AIMG list files whose every row matches one of them.
     */
    static final class Seeder {
        private static final String[] FAMILY = {"Tremblay", "Nguyen", "Haddad", "Patel", "Lévesque", "O'Brien", "García", "Kowalski",
                "Chen", "Okafor", "Singh", "Martin", "Roy", "Gagnon", "Côté", "Müller"};
        private static final String[] GIVEN = {"Amira", "Jean-François", "Fatima", "Wei", "Émilie", "Carlos", "Aisha", "Olena", "Rahul",
                "Marie Claire", "Ngozi", "Tomás"};

        static String id(int i) {
            return String.format(Locale.ROOT, "P-%06d", i);
        }

        static String family(int i) {
            return FAMILY[i % FAMILY.length] + "-" + Integer.toString(i, 36);
        }

        static String given(int i) {
            return GIVEN[(i / FAMILY.length) % GIVEN.length];
        }

        static LocalDate birth(int i) {
            return LocalDate.of(1975, 1, 1).plusDays(i % 9000);
        }

        static String score(int i, int variant) {
            return BigDecimal.valueOf(5000 + (i * 37L + variant * 11L) % 5000, 2).toPlainString();
        }

        static void seed(Services services, int n) throws Exception {
            try (InputStream in = Seeder.class.getResourceAsStream("/catalogue/r1-2025-program-streams.csv")) {
                services.catalogueImporter().importFile(CYCLE, "r1-2025-program-streams.csv", in.readAllBytes(), "bench");
            }
            seedApplicants(services, n);
        }

        /** {@code n} applicants with identities and profiles in the cycle, which must exist. */
        static void seedApplicants(Services services, int n) {
            LocalDateTime now = LocalDateTime.now(services.clock());
            services.database().jdbi().useHandle(h -> {
                for (int from = 0; from < n; from += 5_000) {
                    int to = Math.min(n, from + 5_000);
                    int start = from;
                    h.useTransaction(t -> insert(t, start, to, now));
                }
            });
        }

        private static void insert(Handle h, int from, int to, LocalDateTime now) {
            var applicants = h.prepareBatch("INSERT INTO applicant (id, family_name, given_names, date_of_birth, email, minc, "
                    + "mcc_candidate_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            var profiles = h.prepareBatch("INSERT INTO applicant_profile (cycle_id, applicant_id, category, citizenship, study_status, "
                    + "graduation_date, prior_residency_canada_us, fellowship_canada_us, mccqe1, nac, cmq_approval, military_plan, "
                    + "provincial_ties, high_school_years, latest_clinical_activity_date, updated_at, updated_by) "
                    + "VALUES (?, ?, 'IMG', ?, 'GRADUATE', ?, FALSE, FALSE, 'PASSED', ?, 'NONE', FALSE, ?, '', NULL, ?, 'seed')");
            for (int i = from; i < to; i++) {
                applicants.add(id(i), family(i), given(i), birth(i), "p" + i + "@applicant.example", Identifiers.mincFor(i),
                        String.format(Locale.ROOT, "%010d", 4_000_000_000L + i), now);
                profiles.add(CYCLE, id(i), i % 10 == 0 ? "PERMANENT_RESIDENT" : "CITIZEN", LocalDate.of(2018, 6, 1).plusDays(i % 1500),
                        i % 7 == 0 ? "NOT_TAKEN" : "PASSED", i % 3 == 0 ? "AB" : "", now);
            }
            applicants.execute();
            profiles.execute();
        }

        static String[] header() {
            return new String[] {"Applicant ID", "MINC", "Family name", "Given names", "Date of birth", "MMI score"};
        }

        static String[] row(int i, int variant) {
            return new String[] {id(i), Identifiers.mincFor(i), family(i), given(i), birth(i).toString(), score(i, variant)};
        }

        /** The list as CSV; {@code variant} changes every MMI score. */
        static byte[] csv(int n, int variant) {
            StringBuilder out = new StringBuilder(n * 80);
            out.append(String.join(",", header())).append("\r\n");
            for (int i = 0; i < n; i++) {
                String[] r = row(i, variant);
                out.append(r[0]).append(',').append(r[1]).append(",\"").append(r[2]).append("\",\"").append(r[3]).append("\",")
                        .append(r[4]).append(',').append(r[5]).append("\r\n");
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** The list as an Excel workbook (dates as dates, scores as numbers). */
        static byte[] xlsx(int n, int variant) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Workbook wb = new Workbook(out, "bench", "1.0")) {
                Worksheet ws = wb.newWorksheet("AIMG");
                String[] header = header();
                for (int c = 0; c < header.length; c++) ws.value(0, c, header[c]);
                for (int i = 0; i < n; i++) {
                    String[] r = row(i, variant);
                    ws.value(i + 1, 0, r[0]);
                    ws.value(i + 1, 1, r[1]);
                    ws.value(i + 1, 2, r[2]);
                    ws.value(i + 1, 3, r[3]);
                    ws.value(i + 1, 4, birth(i));
                    ws.style(i + 1, 4).format("yyyy-mm-dd").set();
                    ws.value(i + 1, 5, new BigDecimal(r[5]));
                }
            }
            return out.toByteArray();
        }
    }

    private ListPathHarness() {}

}
