package org.residencymatch.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencymatch.Services;
import org.residencymatch.applicant.Identity;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.store.Database;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.TestDatabase;
import org.residencymatch.web.WebConfig;
import org.residencymatch.web.WebServer;

/**
 * Durability of a list commit: the service, in a JVM of its own, is killed with SIGKILL while it
 * commits a 100,000-row list; restarted on the same database, the previous version is intact and the
 * new one is either wholly there (with its audit row) or not there at all (its upload still a
 * committable draft). Runs on an H2 file database, or on PostgreSQL in a schema of its own when
 * {@code test.db.url} is set. Also: two commits racing for the same list leave exactly one winner.
 */
@DatabaseTest
class ListCommitCrashTest {

    private static final String CYCLE = "2025-R1";
    private static final int ROWS = 100_000;
    private static final String TOKEN = "crash-test-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aCommitKilledMidwayLeavesTheOldVersionIntactAndTheNewOneWholeOrAbsent() throws Exception {
        try (Target db = Target.create(temp)) {
            long t0 = System.nanoTime();
            try (Services services = Services.start(db.open())) {
                Seeder.seed(services, ROWS);
            }
            log("seeded %,d applicants in %.1f s", ROWS, secs(t0));

            Child child = Child.start(db, temp);
            long uploadV2;
            long killAfterMillis;
            boolean answeredBeforeKill;
            try {
                JsonNode first = child.upload(Seeder.csv(ROWS, 0));
                assertThat(first.get("outcomes").get("MATCHED").asInt()).isEqualTo(ROWS);
                long c0 = System.nanoTime();
                HttpResponse<String> committed = child.commit(first.get("uploadId").asLong());
                long v1Millis = (System.nanoTime() - c0) / 1_000_000;
                assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
                assertThat(JSON.readTree(committed.body()).get("version").asInt()).isEqualTo(1);
                log("version 1 committed in %d ms", v1Millis);

                JsonNode second = child.upload(Seeder.csv(ROWS, 1));
                uploadV2 = second.get("uploadId").asLong();
                assertThat(second.get("changed").size()).isEqualTo(ROWS);

                // Version 2 changes every member, like version 1 added every member. A commit is a short transaction that
                // makes the version current, then a longer one that applies its effects; kill it early, where the first
                // one runs or commits (the invariants hold wherever the kill lands; the log says where it did).
                killAfterMillis = Math.max(100, v1Millis / 6);
                CompletableFuture<HttpResponse<String>> inFlight = child.commitAsync(uploadV2);
                Thread.sleep(killAfterMillis);
                answeredBeforeKill = inFlight.isDone() && !inFlight.isCompletedExceptionally();
                int exit = child.kill();
                // Process.destroyForcibly is SIGKILL on Linux: the exit status is 128 + 9.
                if (System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) assertThat(exit).isEqualTo(137);
                log("killed %d ms into the commit of version 2 (answered before the kill: %s)", killAfterMillis, answeredBeforeKill);
            } finally {
                child.kill();
            }

            // Restarted on the same database, the service serves what survived. The first open after the kill
            // rolls back the interrupted transaction; on H2 under load that can outlast the pool's 5-s connection
            // timeout, and the service then exits at start-up: restart it as a supervisor would (see the log).
            child = Child.startRetrying(db, temp, 3);
            boolean v2Exists;
            try {
                JsonNode versions = JSON.readTree(child.get("/api/v1/cycles/" + CYCLE + "/lists/AIMG/versions").body()).get("versions");
                v2Exists = versions.get(0).get("version").asInt() == 2;
                JsonNode v1 = versions.get(v2Exists ? 1 : 0);
                assertThat(v1.get("version").asInt()).isEqualTo(1);
                assertThat(v1.get("members").asInt()).isEqualTo(ROWS);
                if (v2Exists) assertThat(versions.get(0).get("members").asInt()).isEqualTo(ROWS);
                JsonNode upload = JSON.readTree(child.get("/api/v1/cycles/" + CYCLE + "/lists/AIMG/uploads/" + uploadV2).body());
                assertThat(upload.get("status").asText()).isEqualTo(v2Exists ? "COMMITTED" : "DRAFT");
                if (answeredBeforeKill) assertThat(v2Exists).as("a commit that answered must have survived").isTrue();
                log("after the restart version 2 is %s", v2Exists ? "wholly there" : "absent");
            } finally {
                child.stop();
            }

            int[] auditedCommitsOfV2 = new int[1];
            int[] tornVersions = new int[1];
            // The lists as the crash left them (the restarted service may only have finished pending effects).
            try (Services services = Services.start(db.open())) {
                services.database().jdbi().useHandle(h -> {
                    assertThat(members(h, 1)).isEqualTo(Seeder.members(ROWS, 0));
                    // A version torn by the kill (H2 only) is voided at start; its audit row may have survived the tear.
                    int torn = count(h, "SELECT COUNT(*) FROM audit_log WHERE action = 'list.torn-version-voided' AND target = 'list:' || ? || '/AIMG'");
                    tornVersions[0] = torn;
                    if (torn > 0) log("version 2 was torn by the kill and voided at start");
                    assertThat(count(h, "SELECT COUNT(*) FROM list_version WHERE cycle_id = ? AND kind = 'AIMG' AND version = 2 AND status = 'COMMITTED'"))
                            .isEqualTo(v2Exists ? 1 : 0);
                    assertThat(count(h, "SELECT COUNT(*) FROM list_version WHERE cycle_id = ? AND kind = 'AIMG' AND version = 2")).isEqualTo(v2Exists || torn > 0 ? 1 : 0);
                    if (v2Exists || torn == 0) assertThat(members(h, 2)).isEqualTo(v2Exists ? Seeder.members(ROWS, 1) : Map.of());
                    int committedRows = count(h, "SELECT COUNT(*) FROM audit_log WHERE action = 'list.committed' AND target = 'list:' || ? || '/AIMG' "
                            + "AND details LIKE 'version 2 %'");
                    auditedCommitsOfV2[0] = committedRows;
                    if (v2Exists) assertThat(committedRows).isEqualTo(1);
                    else assertThat(committedRows).isLessThanOrEqualTo(torn);
                    assertThat(count(h, "SELECT COUNT(*) FROM list_upload WHERE cycle_id = ? AND status = 'COMMITTED' AND committed_version = 2"))
                            .isEqualTo(v2Exists ? 1 : 0);
                });
                // Effects the kill may have left pending are finished by the next pass, and then none are left.
                services.listUploads().applyAllPendingEffects();
                services.database().jdbi().useHandle(h -> assertThat(count(h,
                        "SELECT COUNT(*) FROM list_version WHERE cycle_id = ? AND status = 'COMMITTED' AND effects_applied_at IS NULL")).isZero());
            }

            if (!v2Exists) {
                // The draft is still committable, and commits whole (under the next number when version 2 was voided).
                int next = tornVersions[0] > 0 ? 3 : 2;
                child = Child.start(db, temp);
                try {
                    HttpResponse<String> committed = child.commit(uploadV2);
                    assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
                    assertThat(JSON.readTree(committed.body()).get("version").asInt()).isEqualTo(next);
                } finally {
                    child.stop();
                }
                try (Services services = Services.start(db.open())) {
                    services.database().jdbi().useHandle(h -> {
                        assertThat(members(h, 1)).isEqualTo(Seeder.members(ROWS, 0));
                        assertThat(members(h, next)).isEqualTo(Seeder.members(ROWS, 1));
                        assertThat(count(h, "SELECT COUNT(*) FROM audit_log WHERE action = 'list.committed' AND target = 'list:' || ? || '/AIMG' "
                                + "AND details LIKE 'version " + next + " %'")).isEqualTo(next == 2 ? auditedCommitsOfV2[0] + 1 : 1);
                    });
                }
            }
            log("whole test %.1f s", secs(t0));
        }
    }

    @Test
    void twoCommitsRacingForTheSameListEndWithExactlyOneWinner() throws Exception {
        try (Services services = Services.start(TestDatabase.fresh())) {
            new DemoData(services).seedIfEmpty();
            List<String> applicants = services.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT applicant_id FROM applicant_profile WHERE cycle_id = :c ORDER BY applicant_id").bind("c", CYCLE).mapTo(String.class).list());
            WebServer server = new WebServer(services, new WebConfig(TOKEN, false)).start(0);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                String base = "http://localhost:" + server.port();
                for (int round = 0; round < 5; round++) {
                    int current = services.listUploads().history(CYCLE, ListKind.AIMG).get(0).version();
                    // Two different files uploaded on the same base version.
                    long a = uploadId(base, aimgFile(services, applicants.subList(0, applicants.size() / 2), round));
                    long b = uploadId(base, aimgFile(services, applicants.subList(applicants.size() / 2, applicants.size()), round));
                    CyclicBarrier start = new CyclicBarrier(2);
                    Future<HttpResponse<String>> fa = threads.submit(() -> {
                        start.await();
                        return send(base, "POST", "/api/v1/cycles/" + CYCLE + "/lists/AIMG/uploads/" + a + "/commit", null);
                    });
                    Future<HttpResponse<String>> fb = threads.submit(() -> {
                        start.await();
                        return send(base, "POST", "/api/v1/cycles/" + CYCLE + "/lists/AIMG/uploads/" + b + "/commit", null);
                    });
                    List<HttpResponse<String>> answers = List.of(fa.get(30, TimeUnit.SECONDS), fb.get(30, TimeUnit.SECONDS));
                    assertThat(answers).extracting(HttpResponse::statusCode).as(answers.get(0).body() + " / " + answers.get(1).body())
                            .containsExactlyInAnyOrder(200, 409);
                    HttpResponse<String> winner = answers.get(0).statusCode() == 200 ? answers.get(0) : answers.get(1);
                    HttpResponse<String> loser = answers.get(0).statusCode() == 200 ? answers.get(1) : answers.get(0);
                    assertThat(JSON.readTree(winner.body()).get("version").asInt()).isEqualTo(current + 1);
                    assertThat(JSON.readTree(loser.body()).get("code").asText()).isIn("STALE_UPLOAD", "CONCURRENT_COMMIT", "UPLOAD_CLOSED");
                    assertThat(services.listUploads().history(CYCLE, ListKind.AIMG).get(0).version()).isEqualTo(current + 1);
                    long winnerId = JSON.readTree(winner.body()).get("uploadId").asLong();
                    long loserId = winnerId == a ? b : a;
                    services.database().jdbi().useHandle(h -> {
                        assertThat(h.createQuery("SELECT status FROM list_upload WHERE id = :id").bind("id", winnerId).mapTo(String.class).one())
                                .isEqualTo("COMMITTED");
                        assertThat(h.createQuery("SELECT status FROM list_upload WHERE id = :id").bind("id", loserId).mapTo(String.class).one())
                                .isIn("SUPERSEDED", "DRAFT");
                        assertThat(h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'list.committed' AND details LIKE :d")
                                .bind("d", "version " + (current + 1) + " %").mapTo(Integer.class).one()).isEqualTo(1);
                    });
                }
            } finally {
                threads.shutdownNow();
                server.close();
            }
        }
    }

    private static byte[] aimgFile(Services services, List<String> applicantIds, int round) {
        StringBuilder csv = new StringBuilder("Applicant ID,Family name,Given names,Date of birth,MMI score\r\n");
        for (int i = 0; i < applicantIds.size(); i++) {
            Identity identity = services.profiles().identity(applicantIds.get(i)).orElseThrow();
            csv.append(identity.applicantId()).append(",\"").append(identity.familyName()).append("\",\"").append(identity.givenNames())
                    .append("\",").append(identity.dateOfBirth()).append(',').append(60 + round + i).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long uploadId(String base, byte[] file) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cycles/" + CYCLE + "/lists/AIMG/uploads?fileName=x.csv"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("uploadId").asLong();
    }

    private static HttpResponse<String> send(String base, String method, String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, ListMember> members(Handle h, int version) {
        return new ListRepository().members(h, CYCLE, ListKind.AIMG, version);
    }

    private static int count(Handle h, String sql) {
        return h.select(sql, CYCLE).mapTo(Integer.class).one();
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "ListCommitCrashTest: " + format + "%n", args);
    }

    /** The database the child serves: an H2 file in a temporary folder, or a schema of its own on the test PostgreSQL. */
    record Target(String url, String user, String password, String schema, String baseUrl) implements AutoCloseable {

        static Target create(Path temp) throws Exception {
            if (!TestDatabase.onPostgres()) {
                String url = "jdbc:h2:file:" + temp.resolve("db").toAbsolutePath() + Database.H2_POSTGRES_MODE + ";AUTO_SERVER=FALSE";
                return new Target(url, "sa", "", null, url);
            }
            String base = System.getProperty("test.db.url");
            String schema = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            String user = System.getProperty("test.db.user", "postgres"), password = System.getProperty("test.db.password", "");
            try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            // Flyway migrates the connection's default schema, which currentSchema sets.
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new Target(url, user, password, schema, base);
        }

        Database open() {
            return Database.open(url, user, password, null);
        }

        @Override
        public void close() throws Exception {
            if (schema == null) return;
            try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** The service in a JVM of its own, on the test's classpath. */
    static final class Child {
        private final Process process;
        private final String base;

        private Child(Process process, int port) {
            this.process = process;
            this.base = "http://localhost:" + port;
        }

        static Child start(Target db, Path temp) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                    "org.residencymatch.cli.ResidencyMatchCli", "serve", "--db-url", db.url(), "--port", String.valueOf(port), "--insecure-cookies"));
            if (db.user() != null && !db.user().isEmpty()) command.addAll(List.of("--db-user", db.user()));
            if (db.password() != null && !db.password().isEmpty()) command.addAll(List.of("--db-password", db.password()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(temp.resolve("child.log").toFile()));
            builder.environment().put("RESIDENCY_BOOTSTRAP_TOKEN", TOKEN);
            builder.environment().remove("RESIDENCY_DB_URL");
            Child child = new Child(builder.start(), port);
            child.awaitReady(temp);
            return child;
        }

        static Child startRetrying(Target db, Path temp, int attempts) throws Exception {
            for (int attempt = 1; ; attempt++) {
                try {
                    Child child = start(db, temp);
                    if (attempt > 1) log("the service started at attempt %d after the kill", attempt);
                    return child;
                } catch (IllegalStateException exited) {
                    if (attempt >= attempts) throw exited;
                    log("the service did not start after the kill (attempt %d): %s", attempt,
                            exited.getMessage().lines().filter(l -> l.contains("Exception")).findFirst().orElse(""));
                }
            }
        }

        private void awaitReady(Path temp) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new IllegalStateException("the service exited: " + Files.readString(temp.resolve("child.log")));
                try {
                    if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ready")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            kill();
            throw new IllegalStateException("the service did not become ready: " + Files.readString(temp.resolve("child.log")));
        }

        JsonNode upload(byte[] csv) throws Exception {
            HttpResponse<String> r = HTTP.send(request("/api/v1/cycles/" + CYCLE + "/lists/AIMG/uploads?fileName=x.csv")
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            return JSON.readTree(r.body());
        }

        HttpResponse<String> commit(long uploadId) throws Exception {
            return commitAsync(uploadId).get(5, TimeUnit.MINUTES);
        }

        CompletableFuture<HttpResponse<String>> commitAsync(long uploadId) {
            return HTTP.sendAsync(request("/api/v1/cycles/" + CYCLE + "/lists/AIMG/uploads/" + uploadId + "/commit")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> r = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r;
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofMinutes(5));
        }

        /** SIGKILL (on Linux); returns the exit status. */
        int kill() throws InterruptedException {
            process.destroyForcibly();
            return process.waitFor();
        }

        /** A normal stop (SIGTERM): the service closes its pool, so the H2 file is free again. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
        }
    }

    /**
     * Seeds the bundled 2025 catalogue and {@code n} IMG applicants with identities and profiles, in JDBC
     * batches (DemoData's one-by-one inserts would take minutes), and writes AIMG files whose every row
     * matches one of them by applicant id and MINC.
     */
    static final class Seeder {
        private static final String[] FAMILY = {"Tremblay", "Nguyen", "Haddad", "Patel", "Lévesque", "O'Brien", "García", "Kowalski"};
        private static final String[] GIVEN = {"Amira", "Jean-François", "Fatima", "Wei", "Émilie", "Carlos", "Marie Claire"};

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

        static BigDecimal score(int i, int variant) {
            return BigDecimal.valueOf(5000 + (i * 37L + variant * 11L) % 5000, 2);
        }

        static void seed(Services services, int n) throws Exception {
            try (InputStream in = Seeder.class.getResourceAsStream("/catalogue/r1-2025-program-streams.csv")) {
                services.catalogueImporter().importFile(CYCLE, "r1-2025-program-streams.csv", in.readAllBytes(), "test");
            }
            LocalDateTime now = LocalDateTime.now(services.clock());
            services.database().jdbi().useHandle(h -> {
                for (int from = 0; from < n; from += 5_000) {
                    int start = from, to = Math.min(n, from + 5_000);
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

        /** The list; {@code variant} changes every MMI score. */
        static byte[] csv(int n, int variant) {
            StringBuilder out = new StringBuilder(n * 80).append("Applicant ID,MINC,Family name,Given names,Date of birth,MMI score\r\n");
            for (int i = 0; i < n; i++) {
                out.append(id(i)).append(',').append(Identifiers.mincFor(i)).append(",\"").append(family(i)).append("\",\"").append(given(i))
                        .append("\",").append(birth(i)).append(',').append(score(i, variant).toPlainString()).append("\r\n");
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** The members a committed {@link #csv} has, as the database gives them back (scores with two decimals). */
        static Map<String, ListMember> members(int n, int variant) {
            Map<String, ListMember> members = new HashMap<>();
            for (int i = 0; i < n; i++) members.put(id(i), new ListMember(id(i), null, score(i, variant), null));
            return members;
        }
    }
}
