package org.residencymatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencymatch.Services;
import org.residencymatch.cycle.Phase;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.ServiceProcess;
import org.residencymatch.store.TestApplicants;

/**
 * The service, in a JVM of its own, killed with SIGKILL while applicants submit rank order lists and
 * while the operator runs the match; restarted on the same database, every operation is either whole or
 * absent: each acknowledged submission is there as acknowledged, every stored list has all its ranks
 * (as many as its audit row says), every match run has all its assignments and its audit row, and the
 * match can be run again, with the same result for the same seed. On an H2 file database, or on
 * PostgreSQL in a schema of its own when {@code test.db.url} is set.
 */
@DatabaseTest
@Tag("long") // kills services mid-run: run by .ci/run and `mvn -Plong verify`, not by `mvn verify`
class ServiceKillTest {

    private static final String CYCLE = DemoData.CYCLE;
    private static final String TOKEN = "kill-test-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int APPLICANTS = 3_000;
    private static final int STREAMS_EACH = 6;
    private static final Pattern AUDITED_RANKS = Pattern.compile("version (\\d+), (\\d+) ranks");

    @TempDir
    Path temp;

    record Acknowledged(String applicant, int version, List<String> streams) {
    }

    @Test
    void submissionsCutShortByAKillAreWholeOrAbsent() throws Exception {
        try (ServiceProcess.Target db = ServiceProcess.Target.create(temp)) {
            List<List<String>> applied = seed(db, APPLICANTS, APPLICANTS, false);
            moveCalendar(db, Phase.ROL_OPEN);
            List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
            ServiceProcess child = ServiceProcess.start(db, temp, TOKEN);
            ServiceProcess running = child;
            ExecutorService threads = Executors.newFixedThreadPool(4);
            int exit;
            try {
                // Four applicants' browsers at a time, each submitting again and again; the kill lands among them.
                for (int w = 0; w < 4; w++) {
                    int worker = w;
                    threads.submit(() -> {
                        Random random = new Random(worker);
                        for (int n = 0;; n++) {
                            int i = worker + 4 * (n % (APPLICANTS / 4));
                            List<String> order = new ArrayList<>(applied.get(i));
                            Collections.shuffle(order, random);
                            HttpResponse<String> r;
                            try {
                                r = running.send(rankList(running, TestApplicants.id(i), order));
                            } catch (Exception killed) {
                                return null;
                            }
                            if (r.statusCode() != 200) throw new AssertionError(r.statusCode() + " " + r.body());
                            acknowledged.add(new Acknowledged(TestApplicants.id(i),
                                    JSON.readTree(r.body()).get("latest").get("version").asInt(), order));
                        }
                    });
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (acknowledged.size() < 200 && System.nanoTime() < deadline) Thread.sleep(5);
                assertThat(acknowledged.size()).as("submissions acknowledged before the kill").isGreaterThanOrEqualTo(200);
                exit = child.kill();
            } finally {
                child.kill();
                threads.shutdown();
                assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            }
            log("killed (exit %d) after %d acknowledged submissions", exit, acknowledged.size());

            child = ServiceProcess.startRetrying(db, temp, TOKEN, 3);
            try {
                // The restarted service takes submissions again.
                HttpResponse<String> again = child.send(rankList(child, TestApplicants.id(0), applied.get(0)));
                assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
                acknowledged.add(new Acknowledged(TestApplicants.id(0), JSON.readTree(again.body()).get("latest").get("version").asInt(),
                        applied.get(0)));
            } finally {
                child.stop();
            }
            try (Services services = Services.start(db.open())) {
                services.database().jdbi().useHandle(h -> {
                    for (Acknowledged a : acknowledged) {
                        assertThat(h.createQuery(
                                "SELECT e.item FROM rank_list r JOIN rank_list_entry e ON e.rank_list_id = r.id WHERE r.cycle_id = :c "
                                        + "AND r.iteration = 1 AND r.owner_kind = 'APPLICANT' AND r.owner_id = :o AND r.version = :v AND r.status = 'SUBMITTED' "
                                        + "ORDER BY e.position")
                                .bind("c", CYCLE).bind("o", a.applicant()).bind("v", a.version()).mapTo(String.class).list())
                                .as("acknowledged %s", a).isEqualTo(a.streams());
                    }
                    assertEveryListWhole(h);
                });
            }
        }
    }

    @Test
    void aMatchRunCutShortByAKillIsWholeOrAbsentAndRunsAgain() throws Exception {
        try (ServiceProcess.Target db = ServiceProcess.Target.create(temp)) {
            seed(db, APPLICANTS, APPLICANTS, true);
            moveCalendar(db, Phase.MATCH);
            ServiceProcess child = ServiceProcess.start(db, temp, TOKEN);
            long firstRun, cold, warm;
            int answeredBeforeKill = 0;
            try {
                long t = System.nanoTime();
                HttpResponse<String> first = child.send(matchRun(child));
                cold = (System.nanoTime() - t) / 1_000_000;
                assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
                firstRun = JSON.readTree(first.body()).get("id").asLong();
                t = System.nanoTime();
                HttpResponse<String> second = child.send(matchRun(child));
                warm = (System.nanoTime() - t) / 1_000_000;
                assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
                log("a whole match run took %d ms in a fresh service, %d ms in a warm one", cold, warm);
            } catch (Exception | AssertionError e) {
                child.kill();
                throw e;
            }
            // Two kills, each late in a run, where it stores its assignments: in the warm service, then in the restarted
            // (cold) one. The invariants hold wherever a kill lands; the output says where they did.
            for (long delay : new long[]{Math.max(20, warm * 4 / 5), Math.max(20, cold * 4 / 5)}) {
                try {
                    CompletableFuture<HttpResponse<String>> run = child.sendAsync(matchRun(child));
                    Thread.sleep(delay);
                    boolean answered = run.isDone() && !run.isCompletedExceptionally();
                    if (answered) answeredBeforeKill++;
                    child.kill();
                    log("killed %d ms into a run (answered before the kill: %s)", delay, answered);
                } finally {
                    child.kill();
                }
                child = ServiceProcess.startRetrying(db, temp, TOKEN, 3);
            }
            try {
                HttpResponse<String> rerun = child.send(matchRun(child));
                assertThat(rerun.statusCode()).as("the match runs again after the kills: " + rerun.body()).isEqualTo(201);
            } finally {
                child.stop();
            }
            int answeredRuns = answeredBeforeKill;
            try (Services services = Services.start(db.open())) {
                services.database().jdbi().useHandle(h -> {
                    List<Long> runs = h.createQuery("SELECT id FROM match_run ORDER BY id").mapTo(Long.class).list();
                    // Two whole runs, the two killed ones (each whole or absent), the run after the restarts.
                    log("match runs after the restarts: %s (%d of the 2 killed runs are whole, none is partly there)", runs,
                            runs.size() - 3);
                    assertThat(runs).hasSizeBetween(3 + answeredRuns, 5).contains(firstRun);
                    Map<String, String> expected = assignments(h, firstRun);
                    assertThat(expected).isNotEmpty();
                    for (long run : runs) {
                        Map<String, Object> row = h.createQuery("SELECT applicants, matched FROM match_run WHERE id = :r").bind("r", run)
                                .mapToMap().one();
                        Map<String, String> assigned = assignments(h, run);
                        assertThat(assigned).as("run %d has every assignment", run).hasSize(((Number) row.get("applicants")).intValue());
                        assertThat(assigned.values().stream().filter(s -> s != null).count())
                                .isEqualTo(((Number) row.get("matched")).longValue());
                        // The same lists and the same seed: the same result.
                        assertThat(assigned).as("run %d gives the first run's result", run).isEqualTo(expected);
                        assertThat(h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'match.run' AND target = :t")
                                .bind("t", "match-run:" + run)
                                .mapTo(Integer.class).one()).as("run %d has its audit row", run).isEqualTo(1);
                    }
                    assertThat(h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'match.run'").mapTo(Integer.class).one())
                            .isEqualTo(runs.size());
                    assertThat(h.createQuery("SELECT COUNT(*) FROM match_assignment WHERE run_id NOT IN (SELECT id FROM match_run)")
                            .mapTo(Integer.class).one()).isZero();
                });
            }
        }
    }

    /** Every stored list has as many ranks as its audit row (written in the same transaction) says, and every audit row has its list. */
    private static void assertEveryListWhole(Handle h) {
        List<Map<String, Object>> lists = h.createQuery("SELECT r.owner_id, r.version, COUNT(e.position) AS ranks FROM rank_list r "
                + "LEFT JOIN rank_list_entry e ON e.rank_list_id = r.id WHERE r.owner_kind = 'APPLICANT' GROUP BY r.id, r.owner_id, r.version")
                .mapToMap().list();
        Map<String, Integer> audited = new java.util.HashMap<>();
        h.createQuery(
                "SELECT target, details FROM audit_log WHERE action IN ('rank-list.submitted', 'rank-list.saved') AND target LIKE 'applicant:%'")
                .map((rs, ctx) -> {
                    Matcher m = AUDITED_RANKS.matcher(rs.getString("details"));
                    assertThat(m.find()).as(rs.getString("details")).isTrue();
                    return Map.entry(rs.getString("target").substring("applicant:".length()) + "#" + m.group(1),
                            Integer.parseInt(m.group(2)));
                }).forEach(e -> assertThat(audited.put(e.getKey(), e.getValue())).as("one audit row for %s", e.getKey()).isNull());
        for (Map<String, Object> list : lists) {
            String key = list.get("owner_id") + "#" + list.get("version");
            assertThat(audited.remove(key)).as("list %s is whole and audited", key).isEqualTo(((Number) list.get("ranks")).intValue());
        }
        assertThat(audited).as("audit rows without their list").isEmpty();
        log("all %d stored lists are whole, each with its audit row", lists.size());
    }

    private static Map<String, String> assignments(Handle h, long run) {
        Map<String, String> assigned = new java.util.HashMap<>();
        h.createQuery("SELECT applicant_id, stream_id FROM match_assignment WHERE run_id = :r").bind("r", run)
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)}).forEach(a -> assigned.put(a[0], a[1]));
        return assigned;
    }

    private static HttpRequest rankList(ServiceProcess child, String applicant, List<String> streams) throws Exception {
        return child.request("/api/v1/cycles/" + CYCLE + "/iterations/1/applicants/" + applicant + "/rank-list")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("streams", streams, "submit", true)))).build();
    }

    private static HttpRequest matchRun(ServiceProcess child) {
        return child.request("/api/v1/cycles/" + CYCLE + "/iterations/1/match-runs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seed\": 7}")).build();
    }

    /**
     * The demo catalogue with its quotas and accounts, {@code applicants} applicants, the first {@code applying} of them with active applications to
     * {@link #STREAMS_EACH} streams (written directly: eligibility is not what is tested here), and, for the match,
     * a submitted list of each of them and of every stream. Returns each applicant's streams.
     */
    static List<List<String>> seed(ServiceProcess.Target db, int applicants, int applying, boolean withLists) throws Exception {
        long t = System.nanoTime();
        List<List<String>> applied = new ArrayList<>();
        try (Services services = Services.start(db.open())) {
            new DemoData(services).seedIfEmpty();
            TestApplicants.seedApplicants(services, applicants);
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            services.database().jdbi().useTransaction(h -> {
                List<String> streams = h.createQuery("SELECT id FROM program_stream WHERE cycle_id = :c AND quota > 0 ORDER BY id")
                        .bind("c", CYCLE)
                        .mapTo(String.class).list();
                Random random = new Random(2025);
                var applications = h.prepareBatch(
                        "INSERT INTO application (cycle_id, iteration, applicant_id, stream_id, status, applied_at) VALUES (?, 1, ?, ?, 'ACTIVE', ?)");
                Map<String, List<String>> byStream = new java.util.TreeMap<>();
                for (int i = 0; i < applying; i++) {
                    List<String> own = new ArrayList<>(streams);
                    Collections.shuffle(own, random);
                    own = List.copyOf(own.subList(0, STREAMS_EACH));
                    applied.add(own);
                    for (String s : own) {
                        applications.add(CYCLE, TestApplicants.id(i), s, now);
                        byStream.computeIfAbsent(s, k -> new ArrayList<>()).add(TestApplicants.id(i));
                    }
                }
                applications.execute();
                if (!withLists) return;
                long next = 1;
                var lists = h.prepareBatch(
                        "INSERT INTO rank_list (id, cycle_id, iteration, owner_kind, owner_id, version, status, saved_at, saved_by) "
                                + "VALUES (?, ?, 1, ?, ?, 1, 'SUBMITTED', ?, 'seed')");
                var entries = h.prepareBatch("INSERT INTO rank_list_entry (rank_list_id, position, item) VALUES (?, ?, ?)");
                for (int i = 0; i < applying; i++, next++) {
                    lists.add(next, CYCLE, "APPLICANT", TestApplicants.id(i), now);
                    for (int p = 0; p < applied.get(i).size(); p++) entries.add(next, p + 1, applied.get(i).get(p));
                }
                for (Map.Entry<String, List<String>> s : byStream.entrySet()) {
                    List<String> ranked = new ArrayList<>(s.getValue());
                    Collections.shuffle(ranked, random);
                    lists.add(next, CYCLE, "STREAM", s.getKey(), now);
                    for (int p = 0; p < ranked.size(); p++) entries.add(next, p + 1, ranked.get(p));
                    next++;
                }
                lists.execute();
                entries.execute();
                // Ids were given explicitly: move the identity on, so that the service's own lists get new ones.
                if (services.database().isPostgres()) h.execute("SELECT setval(pg_get_serial_sequence('rank_list', 'id'), ?)", next);
                else
                    h.execute("ALTER TABLE rank_list ALTER COLUMN id RESTART WITH " + next);
            });
        }
        log("seeded %,d applicants%s in %.1f s", applicants, withLists ? " with their lists and the streams' lists" : "",
                (System.nanoTime() - t) / 1e9);
        return applied;
    }

    /**
     * The service runs on the real clock: move the cycle's whole calendar so that now is an hour into {@code phase}
     * of iteration 1 (the operator adjusts the dates of a cycle; here the test does it in the database).
     */
    static void moveCalendar(ServiceProcess.Target db, Phase phase) {
        try (Services services = Services.start(db.open())) {
            services.database().jdbi().useTransaction(h -> {
                LocalDateTime start = h.createQuery("SELECT starts_at FROM phase WHERE cycle_id = :c AND iteration = 1 AND phase = :p")
                        .bind("c", CYCLE).bind("p", phase.name()).mapTo(LocalDateTime.class).one();
                Duration offset = Duration.between(start, LocalDateTime.now(ZoneOffset.UTC).minusHours(1));
                for (Map<String, Object> p : h.createQuery("SELECT iteration, phase, starts_at FROM phase WHERE cycle_id = :c")
                        .bind("c", CYCLE).mapToMap().list()) {
                    h.execute("UPDATE phase SET starts_at = ? WHERE cycle_id = ? AND iteration = ? AND phase = ?",
                            ((java.sql.Timestamp) p.get("starts_at")).toLocalDateTime().plus(offset), CYCLE,
                            ((Number) p.get("iteration")).intValue(), p.get("phase"));
                }
            });
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "ServiceKillTest: " + format + "%n", args);
    }
}
