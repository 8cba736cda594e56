package org.residencymatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencymatch.Services;
import org.residencymatch.cycle.Phase;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.lists.ListRepository;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.ServiceProcess;
import org.residencymatch.store.TestApplicants;

/**
 * Nothing acknowledged is lost: on a database with a history (a 100,000-row list committed and reverted, hundreds
 * of small commits), the service is killed with SIGKILL right after it acknowledged writes of every kind (an API
 * token, a list upload and its commit, a rank order list submission, a help request; then a match run), and each
 * acknowledged write is in the database when it is opened again. Repeated {@code kill.repetitions} times (2 by
 * default; each repetition is two kills). On an H2 file database, or on PostgreSQL when {@code test.db.url} is set.
 *
 * <p>On H2 2.5.252 this lost every acknowledged write of a repetition (the store header it writes when a chunk
 * is not where the previous one predicted names that previous chunk, so recovery stops there); see
 * docs/decisions/0002-embedded-database-durability.md.
 */
@DatabaseTest
@Tag("long")
class AcknowledgedWritesKillTest {

    private static final String CYCLE = DemoData.CYCLE;
    private static final String TOKEN = "ack-kill-test-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HISTORY_ROWS = 100_000;
    private static final int APPLYING = 300;
    private static final int SMALL_COMMITS = 200;
    private static final int LIST_ROWS = 200;
    private static final String APPLICANT_EMAIL = "amira.haddad@applicant.example";
    private static final String APPLICANT_ID = "A-2001";

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedWriteSurvivesAKillRightAfterIt() throws Exception {
        int repetitions = Integer.getInteger("kill.repetitions", 2);
        try (ServiceProcess.Target db = ServiceProcess.Target.create(temp)) {
            List<List<String>> applied = ServiceKillTest.seed(db, HISTORY_ROWS, APPLYING, true);
            ServiceKillTest.moveCalendar(db, Phase.ROL_OPEN);
            List<String> helpStreams = buildHistory(db, applied, repetitions);
            int lost = 0;
            for (int rep = 1; rep <= repetitions; rep++) {
                lost += rolOpenRound(db, applied, helpStreams.get(rep - 1), rep);
                ServiceKillTest.moveCalendar(db, Phase.MATCH);
                lost += matchRound(db, rep);
                ServiceKillTest.moveCalendar(db, Phase.ROL_OPEN);
            }
            log("%d repetitions, %d acknowledged writes missing after the kills", repetitions, lost);
            assertThat(lost).as("acknowledged writes missing after a kill (see the lines above)").isZero();
        }
    }

    /**
     * A used database: a 100,000-row list committed and reverted, and {@link #SMALL_COMMITS} rank order list
     * submissions, through the service. Returns streams that Amira Haddad cannot select, one per repetition.
     */
    private List<String> buildHistory(ServiceProcess.Target db, List<List<String>> applied, int repetitions) throws Exception {
        long t = System.nanoTime();
        ServiceProcess child = ServiceProcess.start(db, temp, TOKEN);
        try {
            int before = currentVersion(child);
            long upload = upload(child, TestApplicants.csv(HISTORY_ROWS, 0));
            assertThat(commit(child, upload)).isEqualTo(before + 1);
            HttpResponse<String> reverted = child
                    .send(child.request("/api/v1/cycles/" + CYCLE + "/lists/AIMG/revert").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"toVersion\": " + before + "}")).build());
            assertThat(reverted.statusCode()).as(reverted.body()).isEqualTo(200);
            Random random = new Random(1);
            for (int i = 0; i < SMALL_COMMITS; i++) submit(child, i % APPLYING, applied, random);
            JsonNode page = JSON.readTree(
                    child.get("/api/v1/cycles/" + CYCLE + "/applicants/" + APPLICANT_ID + "/catalogue?decision=NOT_ELIGIBLE&pageSize="
                            + repetitions).body());
            List<String> streams = new ArrayList<>();
            page.get("items").forEach(e -> streams.add(e.get("stream").get("id").asText()));
            assertThat(streams).hasSize(repetitions);
            log("history: a %,d-row list committed and reverted, %d submissions, in %.1f s", HISTORY_ROWS, SMALL_COMMITS,
                    (System.nanoTime() - t) / 1e9);
            return streams;
        } finally {
            child.stop();
        }
    }

    /** Rank order lists open: a token, a list upload and commit, a submission and a help request, then the kill. */
    private int rolOpenRound(ServiceProcess.Target db, List<List<String>> applied, String helpStream, int rep) throws Exception {
        ServiceProcess child = ServiceProcess.startRetrying(db, temp, TOKEN, 3);
        long tokenId, helpCase;
        int listVersion;
        Submitted submitted;
        try {
            tokenId = issueToken(child, "round " + rep);
            listVersion = commit(child, upload(child, TestApplicants.csv(LIST_ROWS, rep)));
            submitted = submit(child, rep % APPLYING, applied, new Random(rep));
            helpCase = openHelpCase(child, helpStream);
        } finally {
            child.kill();
        }
        int missing = 0;
        try (Services services = Services.start(db.open())) {
            Handle h = services.database().jdbi().open();
            try (h) {
                missing += check(tokenPresent(h, tokenId), "round %d: API token %d", rep, tokenId);
                missing += check(
                        new ListRepository().members(h, CYCLE, ListKind.AIMG, listVersion).equals(TestApplicants.members(LIST_ROWS, rep))
                                && "COMMITTED".equals(
                                        text(h, "SELECT status FROM list_version WHERE cycle_id = ? AND kind = 'AIMG' AND version = ?",
                                                CYCLE, listVersion)),
                        "round %d: AIMG list version %d with its %d members", rep, listVersion, LIST_ROWS);
                missing += check(submitted.streams()
                        .equals(h.createQuery("SELECT e.item FROM rank_list r JOIN rank_list_entry e ON e.rank_list_id = r.id "
                                + "WHERE r.cycle_id = :c AND r.iteration = 1 AND r.owner_kind = 'APPLICANT' AND r.owner_id = :o AND r.version = :v "
                                + "AND r.status = 'SUBMITTED' ORDER BY e.position").bind("c", CYCLE).bind("o", submitted.applicant())
                                .bind("v", submitted.version())
                                .mapTo(String.class).list()),
                        "round %d: %s's rank order list version %d", rep, submitted.applicant(), submitted.version());
                missing += check(helpStream.equals(text(h, "SELECT stream_id FROM help_case WHERE id = ?", helpCase)),
                        "round %d: help case %d", rep, helpCase);
            }
        }
        return missing;
    }

    /** The match phase: a match run and a token, then the kill. */
    private int matchRound(ServiceProcess.Target db, int rep) throws Exception {
        ServiceProcess child = ServiceProcess.startRetrying(db, temp, TOKEN, 3);
        long runId, tokenId;
        try {
            HttpResponse<String> run = child
                    .send(child.request("/api/v1/cycles/" + CYCLE + "/iterations/1/match-runs").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"seed\": 7}")).build());
            assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
            runId = JSON.readTree(run.body()).get("id").asLong();
            tokenId = issueToken(child, "match round " + rep);
        } finally {
            child.kill();
        }
        int missing = 0;
        try (Services services = Services.start(db.open())) {
            Handle h = services.database().jdbi().open();
            try (h) {
                Long applicants = number(h, "SELECT applicants FROM match_run WHERE id = ?", runId);
                Long assignments = number(h, "SELECT COUNT(*) FROM match_assignment WHERE run_id = ?", runId);
                missing += check(applicants != null && applicants.equals(assignments)
                        && number(h, "SELECT COUNT(*) FROM audit_log WHERE action = 'match.run' AND target = ?", "match-run:" + runId) == 1,
                        "round %d: match run %d with all its assignments and its audit row", rep, runId);
                missing += check(tokenPresent(h, tokenId), "round %d: API token %d", rep, tokenId);
            }
        }
        return missing;
    }

    private static int check(boolean present, String what, Object... args) {
        log("%s: %s", String.format(Locale.ROOT, what, args), present ? "there" : "MISSING");
        return present ? 0 : 1;
    }

    private static boolean tokenPresent(Handle h, long id) {
        return h.createQuery("SELECT COUNT(*) FROM api_token WHERE id = :id AND revoked_at IS NULL").bind("id", id).mapTo(Integer.class)
                .one() == 1;
    }

    private static String text(Handle h, String sql, Object... args) {
        return h.select(sql, args).mapTo(String.class).findOne().orElse(null);
    }

    private static Long number(Handle h, String sql, Object... args) {
        return h.select(sql, args).mapTo(Long.class).findOne().orElse(null);
    }

    private static long issueToken(ServiceProcess child, String label) throws Exception {
        JsonNode accounts = JSON.readTree(child.get("/api/v1/accounts").body()).get("accounts");
        long operator = -1;
        for (JsonNode a : accounts) if ("OPERATOR".equals(a.get("role").asText())) operator = a.get("id").asLong();
        HttpResponse<String> r = child
                .send(child.request("/api/v1/accounts/" + operator + "/tokens").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("label", label)))).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asLong();
    }

    private static int currentVersion(ServiceProcess child) throws Exception {
        return JSON.readTree(child.get("/api/v1/cycles/" + CYCLE + "/lists/AIMG/versions").body()).get("versions").get(0).get("version")
                .asInt();
    }

    private static long upload(ServiceProcess child, byte[] csv) throws Exception {
        HttpResponse<String> r = child.send(child.request("/api/v1/cycles/" + CYCLE + "/lists/AIMG/uploads?fileName=x.csv")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("uploadId").asLong();
    }

    /** Commits an upload; returns the version it made current. */
    private static int commit(ServiceProcess child, long uploadId) throws Exception {
        HttpResponse<String> r = child.send(child.request("/api/v1/cycles/" + CYCLE + "/lists/AIMG/uploads/" + uploadId + "/commit")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("version").asInt();
    }

    record Submitted(String applicant, int version, List<String> streams) {
    }

    private static Submitted submit(ServiceProcess child, int i, List<List<String>> applied, Random random) throws Exception {
        List<String> order = new ArrayList<>(applied.get(i));
        Collections.shuffle(order, random);
        HttpResponse<String> r = child.send(child
                .request("/api/v1/cycles/" + CYCLE + "/iterations/1/applicants/" + TestApplicants.id(i) + "/rank-list")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("streams", order, "submit", true)))).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new Submitted(TestApplicants.id(i), JSON.readTree(r.body()).get("latest").get("version").asInt(), order);
    }

    /** The applicant signs in through the form, as a browser does, and asks for help about a stream; returns the case's id. */
    private static long openHelpCase(ServiceProcess child, String stream) throws Exception {
        String base = child.request("/").build().uri().toString().replaceAll("/$", "");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Pattern csrfField = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        Matcher csrf = csrfField.matcher(
                browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        String form = "_csrf=" + csrf.group(1) + "&next=%2F&email=" + URLEncoder.encode(APPLICANT_EMAIL, StandardCharsets.UTF_8)
                + "&password="
                + URLEncoder.encode(DemoData.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser
                .send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        Matcher pageCsrf = csrfField
                .matcher(browser.send(HttpRequest.newBuilder(URI.create(base + "/help/contact")).header("Accept", "text/html").build(),
                        HttpResponse.BodyHandlers.ofString()).body());
        assertThat(pageCsrf.find()).isTrue();
        HttpResponse<String> opened = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/cycles/" + CYCLE + "/applicants/" + APPLICANT_ID + "/help-cases"))
                        .header("Content-Type", "application/json").header("X-CSRF-Token", pageCsrf.group(1))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("streamId", stream)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return JSON.readTree(opened.body()).get("id").asLong();
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "AcknowledgedWritesKillTest: " + format + "%n", args);
    }
}
