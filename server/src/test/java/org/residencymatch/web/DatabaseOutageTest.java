package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.catalogue.CatalogueEntry;
import org.residencymatch.catalogue.CatalogueFilter;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.store.Database;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;
import org.residencymatch.store.TcpProxy;
import org.residencymatch.store.TestDatabase;

/**
 * PostgreSQL unreachable in the middle of rank order list submissions: the service talks to the
 * database through a TCP proxy that the test cuts and restores (the shared server is not stopped).
 * While cut, {@code /ready} says 503 and requests fail at once with a 503 JSON answer (none hangs beyond
 * the pool's connection timeout); once restored the service is ready again by itself, without a restart,
 * and every submission it acknowledged, before, during or after the outage, is in the database as
 * acknowledged.
 */
@DatabaseTest
class DatabaseOutageTest {

    private static final String CYCLE = DemoData.CYCLE;
    private static final String TOKEN = "outage-test-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    // A request that takes longer than this hangs: the pool gives up on a connection after 5 s.
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration HANG = Duration.ofSeconds(60);

    record Acknowledged(String applicant, int version, List<String> streams) {
    }

    @Test
    void theServiceReportsTheOutageRecoversByItselfAndLosesNoAcknowledgedSubmission() throws Exception {
        assumeTrue(TestDatabase.onPostgres(),
                "needs PostgreSQL (-Dtest.db.url=jdbc:postgresql://...): the outage is a TCP proxy in front of the server");
        String base = System.getProperty("test.db.url"), user = System.getProperty("test.db.user", "postgres"),
                password = System.getProperty("test.db.password", "");
        Matcher hostPort = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/").matcher(base);
        assertThat(hostPort.find()).as(base).isTrue();
        String schema = "outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0)); // program selection: applicants apply
        try (TcpProxy proxy = new TcpProxy(hostPort.group(1), hostPort.group(2) == null ? 5432 : Integer.parseInt(hostPort.group(2)));
                Services services = Services.start(Database.open(hostPort.replaceFirst("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/"),
                        user, password, schema), clock)) {
            new DemoData(services).seedIfEmpty();
            List<String> applicants = new ArrayList<>();
            List<List<String>> streams = new ArrayList<>();
            for (String id : services.database().jdbi()
                    .withHandle(h -> h.createQuery("SELECT applicant_id FROM applicant_profile ORDER BY applicant_id")
                            .mapTo(String.class).list())) {
                List<String> open = services.catalogue()
                        .catalogue(CYCLE, id, 1, new CatalogueFilter(null, null, null, Decision.SELECTABLE, null), 1, 5)
                        .entries().stream().map(CatalogueEntry::stream).map(s -> s.streamId()).toList();
                if (open.size() < 3) continue;
                for (String s : open) services.applications().apply(CYCLE, 1, id, s, "test");
                applicants.add(id);
                streams.add(open);
                if (applicants.size() == 3) break;
            }
            assertThat(applicants).hasSize(3);
            clock.set(LocalDateTime.of(2025, 1, 20, 12, 0)); // rank order lists open

            List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
            try (WebServer server = new WebServer(services, new WebConfig(TOKEN, false)).start(0)) {
                String url = "http://localhost:" + server.port();
                List<String> refusals = new CopyOnWriteArrayList<>();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService load = Executors.newFixedThreadPool(applicants.size());
                List<Future<?>> workers = new ArrayList<>();
                assertThat(get(url, "/ready").statusCode()).isEqualTo(200);
                // One applicant per worker, each submitting again and again, through the whole outage.
                for (int w = 0; w < applicants.size(); w++) {
                    String applicant = applicants.get(w);
                    List<String> own = streams.get(w);
                    workers.add(load.submit(() -> {
                        Random random = new Random(applicant.hashCode());
                        while (!stop.get()) {
                            List<String> order = new ArrayList<>(own);
                            Collections.shuffle(order, random);
                            HttpResponse<String> r = submit(url, applicant, order);
                            if (r.statusCode() == 200) {
                                JsonNode latest = JSON.readTree(r.body()).get("latest");
                                List<String> saved = new ArrayList<>();
                                latest.get("entries").forEach(e -> saved.add(e.get("item").asText()));
                                assertThat(saved).isEqualTo(order);
                                acknowledged.add(new Acknowledged(applicant, latest.get("version").asInt(), order));
                            } else {
                                refusals.add(r.statusCode() + " " + JSON.readTree(r.body()).get("code").asText());
                                Thread.sleep(100);
                            }
                        }
                        return null;
                    }));
                }
                await(() -> acknowledged.size() >= 20, "20 acknowledged submissions", workers);
                int before = acknowledged.size();

                proxy.cut();
                long t = System.nanoTime();
                HttpResponse<String> ready = get(url, "/ready");
                log("/ready during the outage: %d %s in %d ms", ready.statusCode(), ready.body(), (System.nanoTime() - t) / 1_000_000);
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("DATABASE_UNREACHABLE");
                t = System.nanoTime();
                HttpResponse<String> refused = submit(url, applicants.get(0), streams.get(0));
                log("a submission during the outage: %d %s in %d ms", refused.statusCode(), refused.body(),
                        (System.nanoTime() - t) / 1_000_000);
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
                HttpResponse<String> catalogue = get(url, "/api/v1/cycles/" + CYCLE + "/applicants/" + applicants.get(0) + "/catalogue");
                assertThat(catalogue.statusCode()).isEqualTo(503);
                int refusedBefore = refusals.size();
                await(() -> refusals.size() >= refusedBefore + 3, "the workers meeting the outage", workers);
                int duringOutage = acknowledged.size();

                proxy.restore();
                t = System.nanoTime();
                int[] probes = {0};
                await(() -> {
                    probes[0]++;
                    try {
                        return get(url, "/ready").statusCode() == 200;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "/ready saying 200 again", workers);
                log("ready again %d ms after the proxy was restored (%d probes), without a restart", (System.nanoTime() - t) / 1_000_000,
                        probes[0]);
                await(() -> acknowledged.size() >= duringOutage + 20, "20 more acknowledged submissions after the outage", workers);
                stop.set(true);
                for (Future<?> f : workers) f.get(HANG.toSeconds(), TimeUnit.SECONDS);
                load.shutdown();
                log("acknowledged %d submissions before the cut, %d in all; refused during the outage: %s", before, acknowledged.size(),
                        refusals.stream().distinct().toList());
                // Every refusal was the clean 503, never a 500 or a hang (the client gives up after a minute).
                assertThat(refusals).allMatch(r -> r.equals("503 DATABASE_UNAVAILABLE"));
            }
            // Read back on a connection of its own, around the proxy.
            try (Connection c = DriverManager.getConnection(base, user, password)) {
                c.setSchema(schema);
                for (Acknowledged a : acknowledged) {
                    assertThat(stored(c, a)).as("acknowledged submission %s", a).isEqualTo(a.streams());
                }
            }
            log("all %d acknowledged submissions are in the database as acknowledged", acknowledged.size());
        } finally {
            try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** The streams of the applicant's submitted list of that version, in rank order (empty if there is none). */
    private static List<String> stored(Connection c, Acknowledged a) throws Exception {
        List<String> streams = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT e.item FROM rank_list r JOIN rank_list_entry e ON e.rank_list_id = r.id "
                + "WHERE r.cycle_id = ? AND r.iteration = 1 AND r.owner_kind = 'APPLICANT' AND r.owner_id = ? AND r.version = ? AND r.status = 'SUBMITTED' "
                + "ORDER BY e.position")) {
            s.setString(1, CYCLE);
            s.setString(2, a.applicant());
            s.setInt(3, a.version());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) streams.add(rs.getString(1));
            }
        }
        return streams;
    }

    /** Waits for a condition; fails if a worker ended (its failure is the cause) or after two minutes, rather than hang the build. */
    private static void await(java.util.function.BooleanSupplier condition, String what, List<Future<?>> workers) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            for (Future<?> f : workers) if (f.isDone()) f.get();
            if (System.nanoTime() > deadline) throw new AssertionError("waited two minutes for " + what);
            Thread.sleep(50);
        }
    }

    private static HttpResponse<String> get(String url, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + TOKEN).timeout(HANG).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> submit(String url, String applicant, List<String> streams) throws Exception {
        String body = JSON.writeValueAsString(Map.of("streams", streams, "submit", true));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/cycles/" + CYCLE + "/iterations/1/applicants/" + applicant + "/rank-list"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json").timeout(HANG)
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "DatabaseOutageTest: " + format + "%n", args);
    }
}
