package org.residencymatch.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencymatch.Services;
import org.residencymatch.applicant.Identity;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.ServiceProcess;
import org.residencymatch.store.TestApplicants;
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
@Tag("long") // kills a service committing 100,000 rows: run by .ci/run and `mvn -Plong verify`, not by `mvn verify`
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
        try (ServiceProcess.Target db = ServiceProcess.Target.create(temp)) {
            long t0 = System.nanoTime();
            try (Services services = Services.start(db.open())) {
                TestApplicants.seed(services, ROWS);
            }
            log("seeded %,d applicants in %.1f s", ROWS, secs(t0));

            ServiceProcess child = ServiceProcess.start(db, temp, TOKEN);
            long uploadV2;
            long killAfterMillis;
            boolean answeredBeforeKill;
            try {
                JsonNode first = upload(child, TestApplicants.csv(ROWS, 0));
                assertThat(first.get("outcomes").get("MATCHED").asInt()).isEqualTo(ROWS);
                long c0 = System.nanoTime();
                HttpResponse<String> committed = commit(child, first.get("uploadId").asLong());
                long v1Millis = (System.nanoTime() - c0) / 1_000_000;
                assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
                assertThat(JSON.readTree(committed.body()).get("version").asInt()).isEqualTo(1);
                log("version 1 committed in %d ms", v1Millis);

                JsonNode second = upload(child, TestApplicants.csv(ROWS, 1));
                uploadV2 = second.get("uploadId").asLong();
                assertThat(second.get("changed").size()).isEqualTo(ROWS);

                // Version 2 changes every member, like version 1 added every member. A commit is a short transaction that
                // makes the version current, then a longer one that applies its effects; kill it early, where the first
                // one runs or commits (the invariants hold wherever the kill lands; the log says where it did).
                killAfterMillis = Math.max(100, v1Millis / 6);
                CompletableFuture<HttpResponse<String>> inFlight = commitAsync(child, uploadV2);
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
            child = ServiceProcess.startRetrying(db, temp, TOKEN, 3);
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
                    assertThat(members(h, 1)).isEqualTo(TestApplicants.members(ROWS, 0));
                    // A version torn by the kill (H2 only) is voided at start; its audit row may have survived the tear.
                    int torn = count(h,
                            "SELECT COUNT(*) FROM audit_log WHERE action = 'list.torn-version-voided' AND target = 'list:' || ? || '/AIMG'");
                    tornVersions[0] = torn;
                    if (torn > 0) log("version 2 was torn by the kill and voided at start");
                    assertThat(count(h,
                            "SELECT COUNT(*) FROM list_version WHERE cycle_id = ? AND kind = 'AIMG' AND version = 2 AND status = 'COMMITTED'"))
                            .isEqualTo(v2Exists ? 1 : 0);
                    assertThat(count(h, "SELECT COUNT(*) FROM list_version WHERE cycle_id = ? AND kind = 'AIMG' AND version = 2"))
                            .isEqualTo(v2Exists || torn > 0 ? 1 : 0);
                    if (v2Exists || torn == 0) assertThat(members(h, 2)).isEqualTo(v2Exists ? TestApplicants.members(ROWS, 1) : Map.of());
                    int committedRows = count(h,
                            "SELECT COUNT(*) FROM audit_log WHERE action = 'list.committed' AND target = 'list:' || ? || '/AIMG' "
                                    + "AND details LIKE 'version 2 %'");
                    auditedCommitsOfV2[0] = committedRows;
                    if (v2Exists) assertThat(committedRows).isEqualTo(1);
                    else
                        assertThat(committedRows).isLessThanOrEqualTo(torn);
                    assertThat(count(h,
                            "SELECT COUNT(*) FROM list_upload WHERE cycle_id = ? AND status = 'COMMITTED' AND committed_version = 2"))
                            .isEqualTo(v2Exists ? 1 : 0);
                });
                // Effects the kill may have left pending are finished by the next pass, and then none are left.
                services.listVersions().applyAllPendingEffects();
                services.database().jdbi().useHandle(h -> assertThat(count(h,
                        "SELECT COUNT(*) FROM list_version WHERE cycle_id = ? AND status = 'COMMITTED' AND effects_applied_at IS NULL"))
                        .isZero());
            }

            if (!v2Exists) {
                // The draft is still committable, and commits whole (under the next number when version 2 was voided).
                int next = tornVersions[0] > 0 ? 3 : 2;
                child = ServiceProcess.start(db, temp, TOKEN);
                try {
                    HttpResponse<String> committed = commit(child, uploadV2);
                    assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
                    assertThat(JSON.readTree(committed.body()).get("version").asInt()).isEqualTo(next);
                } finally {
                    child.stop();
                }
                try (Services services = Services.start(db.open())) {
                    services.database().jdbi().useHandle(h -> {
                        assertThat(members(h, 1)).isEqualTo(TestApplicants.members(ROWS, 0));
                        assertThat(members(h, next)).isEqualTo(TestApplicants.members(ROWS, 1));
                        assertThat(count(h,
                                "SELECT COUNT(*) FROM audit_log WHERE action = 'list.committed' AND target = 'list:' || ? || '/AIMG' "
                                        + "AND details LIKE 'version " + next + " %'"))
                                .isEqualTo(next == 2 ? auditedCommitsOfV2[0] + 1 : 1);
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
                    "SELECT applicant_id FROM applicant_profile WHERE cycle_id = :c ORDER BY applicant_id").bind("c", CYCLE)
                    .mapTo(String.class).list());
            WebServer server = new WebServer(services, new WebConfig(TOKEN, false)).start(0);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                String base = "http://localhost:" + server.port();
                for (int round = 0; round < 5; round++) {
                    int current = services.listVersions().history(CYCLE, ListKind.AIMG).get(0).version();
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
                    assertThat(services.listVersions().history(CYCLE, ListKind.AIMG).get(0).version()).isEqualTo(current + 1);
                    long winnerId = JSON.readTree(winner.body()).get("uploadId").asLong();
                    long loserId = winnerId == a ? b : a;
                    services.database().jdbi().useHandle(h -> {
                        assertThat(h.createQuery("SELECT status FROM list_upload WHERE id = :id").bind("id", winnerId).mapTo(String.class)
                                .one())
                                .isEqualTo("COMMITTED");
                        assertThat(h.createQuery("SELECT status FROM list_upload WHERE id = :id").bind("id", loserId).mapTo(String.class)
                                .one())
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
        HttpResponse<String> r = HTTP
                .send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cycles/" + CYCLE + "/lists/AIMG/uploads?fileName=x.csv"))
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

    private static JsonNode upload(ServiceProcess child, byte[] csv) throws Exception {
        HttpResponse<String> r = child.send(child.request("/api/v1/cycles/" + CYCLE + "/lists/AIMG/uploads?fileName=x.csv")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> commit(ServiceProcess child, long uploadId) throws Exception {
        return commitAsync(child, uploadId).get(5, TimeUnit.MINUTES);
    }

    private static CompletableFuture<HttpResponse<String>> commitAsync(ServiceProcess child, long uploadId) {
        return child.sendAsync(child.request("/api/v1/cycles/" + CYCLE + "/lists/AIMG/uploads/" + uploadId + "/commit")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }
}
