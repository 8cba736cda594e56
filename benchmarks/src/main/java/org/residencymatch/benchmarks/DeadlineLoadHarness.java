package org.residencymatch.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.residencymatch.Services;
import org.residencymatch.account.Accounts;
import org.residencymatch.account.Passwords;
import org.residencymatch.account.Role;
import org.residencymatch.catalogue.CatalogueEntry;
import org.residencymatch.catalogue.CatalogueFilter;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.cycle.Phase;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.store.Database;

/**
 * The last hour before the rank-order-list deadline, against the service in a process of its own on
 * PostgreSQL.
 *
 * <p><b>Seeding</b> (a scratch schema on the given PostgreSQL): the demo data ({@link DemoData}: the 2025
 * catalogue with quotas, the 31 demo applicants, the partner lists and accounts), plus {@code --applicants}
 * IMG applicants (ListPathHarness's seeder) each with an applicant account (password {@link DemoData#PASSWORD},
 * hashed once: every sign-in still verifies a full Argon2id hash) and active applications to up to 8
 * streams their catalogue says they may select (iteration 1). The cycle's calendar is then moved so that
 * the rank order list deadline of iteration 1 falls {@code --deadline-minutes} from now: the service
 * runs on the real clock, in the last hour(s) before the deadline.
 *
 * <p><b>Load</b>: an open model. Requests are started at a fixed rate whatever the service's answers
 * (latency is measured from the moment a request was due, so a slow service is not hidden by a
 * waiting client). Each request is the next step of one person's visit, and one person never has two
 * requests in flight: applicants sign in (a real session: the login page's CSRF token, the password, the
 * session cookie), read the catalogue page and a page of the catalogue API (with the explanations), the
 * rank order list page and their applications, save a draft list and submit it (the API with the session
 * cookie and the CSRF header, as the page's script would), and sign out; partner bodies upload an AIMG
 * list (API token) and read its preview; operators sign in and read their pages. Mix: about 1 request in
 * 200 a partner upload, 1 in 20 an operator page, the rest applicants.
 *
 * <p><b>Step search</b>: a warm-up, then each rate of {@code --rates} for {@code --step-seconds}; a step
 * passes with zero errors and p99 below {@code --p99-ms}; the search stops at the first step that fails.
 * <b>Afterwards</b> every submission the service acknowledged (200 with its version) is read back from the
 * database: same version, SUBMITTED, same streams in the same order.
 *
 * <pre>
 * mvn -q -Pbench -pl benchmarks -am package -Dmaven.test.skip=true
 * java -cp benchmarks/target/benchmarks.jar org.residencymatch.benchmarks.DeadlineLoadHarness \
 *      [--db-url jdbc:postgresql://127.0.0.1:5432/test] [--db-user postgres] [--applicants 5000] \
 *      [--rates 5,10,20,40] [--step-seconds 300] [--warmup-seconds 60] [--p99-ms 300] [--service-heap 1g] [--keep-schema] [--keep-going] [--service-jfr FILE]
 * </pre>
 */
public final class DeadlineLoadHarness {

    static final String CYCLE = DemoData.CYCLE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("^([^=;\\s]+)=([^;]*)");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        String dbUrl = "jdbc:postgresql://127.0.0.1:5432/test", dbUser = "postgres", heap = "1g";
        int applicants = 5_000, stepSeconds = 300, warmupSeconds = 60, p99Ms = 300, deadlineMinutes = -1;
        double[] rates = {5, 10, 20, 40};
        boolean keep = false, keepGoing = false;
        String jfr = null; // a Flight Recorder file for the service's profile, when asked
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db-url" -> dbUrl = args[++i];
                case "--db-user" -> dbUser = args[++i];
                case "--applicants" -> applicants = Integer.parseInt(args[++i]);
                case "--rates" -> rates = Arrays.stream(args[++i].split(",")).mapToDouble(Double::parseDouble).toArray();
                case "--step-seconds" -> stepSeconds = Integer.parseInt(args[++i]);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--p99-ms" -> p99Ms = Integer.parseInt(args[++i]);
                case "--deadline-minutes" -> deadlineMinutes = Integer.parseInt(args[++i]);
                case "--service-heap" -> heap = args[++i];
                case "--keep-schema" -> keep = true;
                case "--keep-going" -> keepGoing = true;
                case "--service-jfr" -> jfr = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // The deadline lies beyond the whole run (at least an hour away), so no step runs into it.
        int planned = (warmupSeconds + rates.length * stepSeconds) / 60 + 10;
        if (deadlineMinutes < 0) deadlineMinutes = Math.max(60, planned);
        System.out.printf(Locale.ROOT, "DeadlineLoadHarness: %,d applicants, rates %s req/s, %d-s steps after a %d-s warm-up, pass = 0 errors and p99 < %d ms; "
                        + "%d cores, JDK %s, started %s UTC%n", applicants, Arrays.toString(rates), stepSeconds, warmupSeconds, p99Ms,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), LocalDateTime.now(ZoneOffset.UTC).withNano(0));

        String schema = "load_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = dbUrl + (dbUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        Process service = null;
        try {
            Seeded seeded;
            long t = System.nanoTime();
            try (Services services = Services.start(Database.open(url, dbUser, "", null))) {
                seeded = seed(services, applicants, deadlineMinutes);
            }
            // The planner's statistics of the freshly seeded tables. A server with autovacuum on (PostgreSQL's default)
            // gathers them within a minute of the bulk inserts; this machine's test server runs with it off, and with no
            // statistics the planner read an applicant's applications through the by-stream index, 63 ms a query instead
            // of 0.1 ms. A real cycle's tables grow over months, never without statistics.
            try (Connection c = DriverManager.getConnection(url, dbUser, ""); Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            System.out.printf(Locale.ROOT, "seeded schema %s in %.0f s: %,d applicant accounts, %,d applications; ROL deadline at %s UTC%n",
                    schema, ListPathHarness.secs(t), seeded.streams().size(), seeded.applications(), seeded.deadline());

            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            File log = File.createTempFile("deadline-load-service", ".log");
            String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx" + heap));
            if (jfr != null) command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.residencymatch.cli.ResidencyMatchCli", "serve",
                    "--db-url", url, "--db-user", dbUser, "--port", String.valueOf(port), "--insecure-cookies"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
            builder.environment().remove("RESIDENCY_BOOTSTRAP_TOKEN");
            service = builder.start();
            servicePid = service.pid();
            String base = "http://127.0.0.1:" + port;
            awaitReady(base, service, log);
            System.out.printf(Locale.ROOT, "service: pid %d, -Xmx%s, log %s%n", service.pid(), heap, log);

            Load load = new Load(base, seeded);
            Step warm = load.run("warm-up", rates[0], warmupSeconds);
            warm.print(p99Ms);
            double best = 0;
            boolean failed = false;
            List<Step> steps = new ArrayList<>();
            for (double rate : rates) {
                Step step = load.run("step", rate, stepSeconds);
                steps.add(step);
                step.print(p99Ms);
                // With --keep-going the higher rates are still tried (to see the next hot spot), but the
                // result stays the highest rate below which every step passed.
                if (!step.passed(p99Ms)) {
                    failed = true;
                    if (!keepGoing) break;
                } else if (!failed) {
                    best = rate;
                }
            }
            load.drain();
            System.out.printf(Locale.ROOT, "RESULT highest rate sustained for %d s with 0 errors and p99 < %d ms: %s%n", stepSeconds, p99Ms,
                    best > 0 ? fmt(best) + " req/s" : "none of the rates tried");
            try (Database db = Database.open(url, dbUser, "", null)) {
                load.verify(db);
            }
        } finally {
            if (service != null) {
                service.destroy();
                if (!service.waitFor(30, TimeUnit.SECONDS)) service.destroyForcibly();
            }
            if (!keep) {
                try (Connection c = DriverManager.getConnection(dbUrl, dbUser, ""); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            } else {
                System.out.println("kept schema " + schema);
            }
        }
    }

    static String fmt(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }

    private static void awaitReady(String base, Process service, File log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) throw new IllegalStateException("the service exited; see " + log);
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not become ready; see " + log);
    }

    /** What the load needs to know of the seeded data: the applicants (by index) and the streams each applied to. */
    record Seeded(List<List<String>> streams, int applications, String partnerToken, LocalDateTime deadline) {}

    static Seeded seed(Services services, int n, int deadlineMinutes) throws Exception {
        new DemoData(services).seedIfEmpty();
        ListPathHarness.Seeder.seedApplicants(services, n);
        Accounts accounts = new Accounts(services.database().jdbi(), services.clock());
        // One Argon2id hash for every account, as DemoData does (a hash each would only slow the seeding); each sign-in verifies it in full.
        String hash = Passwords.hash(DemoData.PASSWORD);
        LocalDateTime now = LocalDateTime.now(services.clock());
        services.database().jdbi().useTransaction(h -> {
            var batch = h.prepareBatch("INSERT INTO user_account (email, display_name, password_hash, role, applicant_id, created_at) VALUES (?, ?, ?, ?, ?, ?)");
            for (int i = 0; i < n; i++) {
                batch.add(email(i), ListPathHarness.Seeder.given(i) + " " + ListPathHarness.Seeder.family(i), hash, Role.APPLICANT.name(),
                        ListPathHarness.Seeder.id(i), now);
            }
            batch.execute();
        });
        // Every fact the cycle verifies is verified, as the operator would have done it before the deadline (issue #18): an
        // unverified category leaves the catalogue PENDING, and nobody could apply.
        var rules = services.catalogue().rules(CYCLE).iteration(1);
        services.database().jdbi().useTransaction(h -> {
            var batch = h.prepareBatch("INSERT INTO applicant_fact_check (cycle_id, applicant_id, fact, state, verifier, decided_by, decided_on, "
                    + "updated_at, updated_by) VALUES (?, ?, ?, 'VERIFIED', ?, 'the match operator', ?, ?, 'load harness')");
            for (ProfileFact fact : ProfileFact.values()) {
                var policy = rules.policy(fact);
                if (!policy.needsVerification()) continue;
                for (int i = 0; i < n; i++) {
                    batch.add(CYCLE, ListPathHarness.Seeder.id(i), fact.name(), policy.verifiedBy().get(0).name(), now.toLocalDate(), now);
                }
            }
            batch.execute();
        });
        // Applications to streams each applicant may select, as their catalogue decides (not every stream is open to an IMG).
        List<List<String>> streams = new ArrayList<>();
        CatalogueFilter selectable = new CatalogueFilter(null, null, null, Decision.SELECTABLE, null);
        int total = 0;
        for (int from = 0; from < n; from += 1_000) {
            int to = Math.min(n, from + 1_000);
            List<Object[]> rows = new ArrayList<>();
            for (int i = from; i < to; i++) {
                List<CatalogueEntry> open = services.catalogue().catalogue(CYCLE, ListPathHarness.Seeder.id(i), 1, selectable, 1, 1_000).entries();
                List<String> chosen = new ArrayList<>();
                Random random = new Random(i);
                List<CatalogueEntry> shuffled = new ArrayList<>(open);
                Collections.shuffle(shuffled, random);
                for (CatalogueEntry e : shuffled.subList(0, Math.min(8, shuffled.size()))) chosen.add(e.stream().streamId());
                streams.add(chosen);
                for (String s : chosen) rows.add(new Object[] {CYCLE, 1, ListPathHarness.Seeder.id(i), s, "ACTIVE", now});
            }
            total += rows.size();
            services.database().jdbi().useTransaction(h -> {
                var batch = h.prepareBatch("INSERT INTO application (cycle_id, iteration, applicant_id, stream_id, status, applied_at) VALUES (?, ?, ?, ?, ?, ?)");
                for (Object[] r : rows) batch.add(r);
                if (!rows.isEmpty()) batch.execute();
            });
        }
        String token = services.database().jdbi().inTransaction(h -> accounts.issueApiToken(h,
                h.createQuery("SELECT id FROM user_account WHERE email = 'aimg@partner.example'").mapTo(Long.class).one(), "load harness"));
        // The whole calendar moves by one offset, so that the iteration-1 ROL deadline is deadlineMinutes away.
        LocalDateTime deadline = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(deadlineMinutes).withNano(0);
        services.database().jdbi().useTransaction(h -> {
            LocalDateTime current = h.createQuery("SELECT starts_at FROM phase WHERE cycle_id = :c AND iteration = 1 AND phase = :p")
                    .bind("c", CYCLE).bind("p", Phase.ROL_DEADLINE.name()).mapTo(LocalDateTime.class).one();
            Duration offset = Duration.between(current, deadline);
            List<Map<String, Object>> phases = h.createQuery("SELECT iteration, phase, starts_at FROM phase WHERE cycle_id = :c").bind("c", CYCLE).mapToMap().list();
            for (Map<String, Object> p : phases) {
                LocalDateTime start = ((java.sql.Timestamp) p.get("starts_at")).toLocalDateTime();
                h.execute("UPDATE phase SET starts_at = ? WHERE cycle_id = ? AND iteration = ? AND phase = ?", start.plus(offset), CYCLE,
                        ((Number) p.get("iteration")).intValue(), p.get("phase"));
            }
        });
        return new Seeded(streams, total, token, deadline);
    }

    static String email(int i) {
        return "p" + i + "@applicant.example";
    }

    /** The requests of one step, by kind. */
    static final class Step {
        final String name;
        final double rate;
        final int seconds;
        final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        final Map<String, String> firstError = new ConcurrentHashMap<>();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger pending = new AtomicInteger();
        volatile double achievedRate;
        volatile String loadBefore, loadAfter;
        volatile CpuUse cpuBefore, cpuAfter;

        Step(String name, double rate, int seconds) {
            this.name = name;
            this.rate = rate;
            this.seconds = seconds;
        }

        void record(String kind, long nanos, String error) {
            latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
            if (error != null) {
                errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                firstError.putIfAbsent(kind, error);
            }
        }

        int errorCount() {
            return errors.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        long[] all() {
            return latencies.values().stream().flatMap(l -> {
                synchronized (l) {
                    return new ArrayList<>(l).stream();
                }
            }).mapToLong(Long::longValue).sorted().toArray();
        }

        boolean passed(int p99Ms) {
            long[] all = all();
            return errorCount() == 0 && all.length > 0 && percentile(all, 0.99) < p99Ms * 1_000_000L;
        }

        void print(int p99Ms) {
            long[] all = all();
            System.out.printf(Locale.ROOT, "%s at %s req/s for %d s (%.2f req/s started): %,d requests, %d errors, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms -> %s"
                            + " [load average before %s, after %s]%n", name, fmt(rate), seconds, achievedRate, all.length, errorCount(),
                    ms(percentile(all, 0.5)), ms(percentile(all, 0.95)), ms(percentile(all, 0.99)), passed(p99Ms) ? "PASS" : "FAIL", loadBefore, loadAfter);
            if (cpuBefore != null && cpuAfter != null && all.length > 0) {
                // CPU time, not wall time: it says where the cores went whatever else the machine was doing.
                System.out.printf(Locale.ROOT, "  CPU per request: service %.1f ms, PostgreSQL %.1f ms, this harness %.1f ms (the step's CPU: %.0f s of %d s x %d cores)%n",
                        (cpuAfter.serviceMs() - cpuBefore.serviceMs()) / (double) all.length,
                        (cpuAfter.postgresMs() - cpuBefore.postgresMs()) / (double) all.length,
                        (cpuAfter.harnessMs() - cpuBefore.harnessMs()) / (double) all.length,
                        (cpuAfter.totalMs() - cpuBefore.totalMs()) / 1000.0, seconds, Runtime.getRuntime().availableProcessors());
            }
            List<String> kinds = new ArrayList<>(latencies.keySet());
            Collections.sort(kinds);
            for (String kind : kinds) {
                long[] v;
                List<Long> l = latencies.get(kind);
                synchronized (l) {
                    v = l.stream().mapToLong(Long::longValue).sorted().toArray();
                }
                int e = errors.getOrDefault(kind, new AtomicInteger()).get();
                System.out.printf(Locale.ROOT, "  %-16s %7d requests %5d errors  p50 %6.0f ms  p95 %6.0f ms  p99 %6.0f ms%s%n", kind, v.length, e,
                        ms(percentile(v, 0.5)), ms(percentile(v, 0.95)), ms(percentile(v, 0.99)), e > 0 ? "  first error: " + firstError.get(kind) : "");
            }
        }

        static long percentile(long[] sorted, double p) {
            if (sorted.length == 0) return 0;
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }

        static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    /** An acknowledged submission: the applicant, the version the service answered, the streams in order. */
    record Acknowledged(String applicantId, int version, List<String> streams) {}

    /** One person's visit: a sequence of requests, one at a time. */
    private abstract static class Visit {
        /** The cookies the service set (the session, the anonymous form's nonce), as a browser keeps them. */
        final Map<String, String> cookies = new java.util.LinkedHashMap<>();
        String csrf;

        /** The next request, or null when the visit is over. */
        abstract Request next();

        /** Takes in the answer to the request; returns an error description, or null if it is the expected answer. */
        abstract String accept(Request request, HttpResponse<String> response);

        void remember(HttpResponse<String> response) {
            for (String header : response.headers().allValues("set-cookie")) {
                Matcher m = COOKIE.matcher(header);
                if (!m.find()) continue;
                if (m.group(2).isEmpty() || header.contains("Max-Age=0")) cookies.remove(m.group(1));
                else cookies.put(m.group(1), m.group(2));
            }
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) csrf = m.group(1);
        }
    }

    record Request(String kind, HttpRequest http, int expected) {}

    static final class Load {
        private final String base;
        private final Seeded seeded;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final ConcurrentLinkedQueue<Visit> ready = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Integer> idleApplicants = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Visit> idleOperators = new ConcurrentLinkedQueue<>();
        private final AtomicInteger idlePartners = new AtomicInteger(1);
        private final AtomicInteger uploads = new AtomicInteger();
        private final AtomicLong inFlight = new AtomicLong();
        final List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        private final Random random = new Random(42);
        private volatile Step step;

        Load(String base, Seeded seeded) {
            this.base = base;
            this.seeded = seeded;
            for (int i = 0; i < seeded.streams().size(); i++) if (!seeded.streams().get(i).isEmpty()) idleApplicants.add(i);
            for (int i = 0; i < 2; i++) idleOperators.add(new OperatorVisit());
        }

        Step run(String name, double rate, int seconds) throws Exception {
            Step s = new Step(name, rate, seconds);
            s.loadBefore = loadAverage();
            s.cpuBefore = CpuUse.now(servicePid);
            step = s;
            long interval = (long) (1e9 / rate), start = System.nanoTime(), end = start + TimeUnit.SECONDS.toNanos(seconds);
            long due = start;
            while (due < end) {
                long wait = due - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                dispatch(due, s);
                due += interval;
            }
            s.achievedRate = s.started.get() / ((System.nanoTime() - start) / 1e9);
            // The step's slowest requests may still be running: its figures wait for them (at most the request timeout).
            long wait = System.nanoTime() + REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
            while (s.pending.get() > 0 && System.nanoTime() < wait) Thread.sleep(20);
            s.loadAfter = loadAverage();
            s.cpuAfter = CpuUse.now(servicePid);
            return s;
        }

        /** Waits for the requests still in flight, which count in the last step. */
        void drain() throws InterruptedException {
            long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos() * 2;
            while (inFlight.get() > 0 && System.nanoTime() < deadline) Thread.sleep(50);
        }

        private void dispatch(long due, Step s) {
            double r = random.nextDouble();
            Visit visit = null;
            if (r < 0.005 && idlePartners.getAndUpdate(v -> Math.max(0, v - 1)) > 0) visit = new PartnerVisit();
            else if (r < 0.055) visit = idleOperators.poll();
            if (visit == null) visit = ready.poll();
            if (visit == null) {
                Integer applicant = idleApplicants.poll();
                if (applicant == null) {
                    s.record("no-idle-visitor", 0, "every applicant has a request in flight");
                    return;
                }
                visit = new ApplicantVisit(applicant);
            }
            send(visit, due, s);
        }

        private void send(Visit visit, long due, Step s) {
            Request request = visit.next();
            if (request == null) {
                done(visit);
                dispatch(due, s);
                return;
            }
            s.started.incrementAndGet();
            s.pending.incrementAndGet();
            inFlight.incrementAndGet();
            http.sendAsync(request.http(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long nanos = System.nanoTime() - due;
                String error;
                if (failure != null) error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                else if (response.statusCode() != request.expected()) {
                    error = "status " + response.statusCode() + " (expected " + request.expected() + "): "
                            + response.body().substring(0, Math.min(200, response.body().length()));
                } else error = visit.accept(request, response);
                // Counted in the step that was running when the request was due.
                s.record(request.kind(), nanos, error);
                s.pending.decrementAndGet();
                inFlight.decrementAndGet();
                if (error != null) done(visit); // a visit that went wrong ends there (its person would start again)
                else if (visit instanceof OperatorVisit) idleOperators.add(visit); // one page per turn: operators are 1 request in 20
                else ready.add(visit);
            });
        }

        private void done(Visit visit) {
            if (visit instanceof ApplicantVisit a) idleApplicants.add(a.index);
            else if (visit instanceof OperatorVisit) idleOperators.add(new OperatorVisit());
            else if (visit instanceof PartnerVisit) idlePartners.incrementAndGet();
        }

        HttpRequest.Builder get(String path, Visit visit) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT).header("Accept", "text/html,application/json");
            if (!visit.cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                visit.cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
                b.header("Cookie", header.toString());
            }
            return b;
        }

        HttpRequest form(String path, Visit visit, Map<String, String> fields) {
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return get(path, visit).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        }

        /** An applicant: sign in, the catalogue (page and API), the list (page, applications), a draft, the submission, sign out. */
        final class ApplicantVisit extends Visit {
            final int index;
            final String id;
            int stepNo;
            List<String> order;

            ApplicantVisit(int index) {
                this.index = index;
                this.id = ListPathHarness.Seeder.id(index);
            }

            @Override
            Request next() {
                String api = "/api/v1/cycles/" + CYCLE + "/iterations/1/applicants/" + id;
                return switch (stepNo++) {
                    case 0 -> new Request("login-page", get("/login", this).GET().build(), 200);
                    case 1 -> new Request("login", form("/login", this, Map.of("email", email(index), "password", DemoData.PASSWORD, "_csrf", csrf,
                            "next", "/applicant/catalogue")), 302);
                    case 2 -> new Request("catalogue-page", get("/applicant/catalogue", this).GET().build(), 200);
                    case 3 -> new Request("catalogue-api", get("/api/v1/cycles/" + CYCLE + "/applicants/" + id + "/catalogue?pageSize=50&page="
                            + (1 + Math.floorMod(index * 7 + stepNo, 17)), this).GET().build(), 200);
                    case 4 -> new Request("rol-page", get("/applicant/rank-list", this).GET().build(), 200);
                    case 5 -> new Request("applications-api", get(api + "/applications", this).GET().build(), 200);
                    case 6 -> new Request("rol-save-draft", rankList(api, false), 200);
                    case 7 -> new Request("rol-submit", rankList(api, true), 200);
                    case 8 -> new Request("logout", form("/logout", this, Map.of("_csrf", csrf)), 302);
                    default -> null;
                };
            }

            private HttpRequest rankList(String api, boolean submit) {
                if (!submit || order == null) {
                    order = new ArrayList<>(seeded.streams().get(index));
                    Collections.shuffle(order, new Random(System.nanoTime()));
                } else {
                    Collections.reverse(order); // the submission changes the draft's order, as a person reconsidering would
                }
                String body;
                try {
                    body = JSON.writeValueAsString(Map.of("streams", order, "submit", submit));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return get(api + "/rank-list", this).header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
            }

            @Override
            String accept(Request request, HttpResponse<String> response) {
                remember(response);
                try {
                    switch (request.kind()) {
                        case "login" -> {
                            if (!"/applicant/catalogue".equals(response.headers().firstValue("location").orElse(""))) return "login did not sign in";
                        }
                        case "applications-api" -> {
                            List<String> active = new ArrayList<>();
                            for (JsonNode a : JSON.readTree(response.body()).get("applications")) if ("ACTIVE".equals(a.get("status").asText())) active.add(a.get("streamId").asText());
                            if (!new java.util.HashSet<>(active).equals(new java.util.HashSet<>(seeded.streams().get(index)))) return "applications differ from the seeded ones";
                        }
                        case "rol-save-draft", "rol-submit" -> {
                            JsonNode latest = JSON.readTree(response.body()).get("latest");
                            List<String> saved = new ArrayList<>();
                            for (JsonNode e : latest.get("entries")) saved.add(e.get("item").asText());
                            String status = request.kind().equals("rol-submit") ? "SUBMITTED" : "DRAFT";
                            if (!saved.equals(order) || !status.equals(latest.get("status").asText())) return "the answer is not the list sent";
                            if (status.equals("SUBMITTED")) acknowledged.add(new Acknowledged(id, latest.get("version").asInt(), List.copyOf(order)));
                        }
                        default -> { }
                    }
                } catch (Exception e) {
                    return "unreadable answer: " + e;
                }
                return null;
            }
        }

        /** An operator: signs in once, then reads the dashboards in turn (the visit does not end; two operators at most). */
        final class OperatorVisit extends Visit {
            int stepNo;

            @Override
            Request next() {
                int s = stepNo++;
                return switch (s) {
                    case 0 -> new Request("login-page", get("/login", this).GET().build(), 200);
                    case 1 -> new Request("login", form("/login", this, Map.of("email", DemoData.OPERATOR_EMAIL, "password", DemoData.PASSWORD,
                            "_csrf", csrf, "next", "/operator/cases")), 302);
                    default -> switch (s % 3) {
                        case 0 -> new Request("operator-cases", get("/operator/cases", this).GET().build(), 200);
                        case 1 -> new Request("operator-match", get("/operator/match", this).GET().build(), 200);
                        default -> new Request("operator-lists", get("/partner/lists", this).GET().build(), 200);
                    };
                };
            }

            @Override
            String accept(Request request, HttpResponse<String> response) {
                remember(response);
                return null;
            }
        }

        /** A partner body: uploads an AIMG list of 500 rows (its API token) and reads the preview. */
        final class PartnerVisit extends Visit {
            int stepNo;
            long uploadId;

            @Override
            Request next() {
                String lists = "/api/v1/cycles/" + CYCLE + "/lists/AIMG/uploads";
                return switch (stepNo++) {
                    case 0 -> new Request("partner-upload", HttpRequest.newBuilder(URI.create(base + lists + "?fileName=aimg.csv")).timeout(REQUEST_TIMEOUT)
                            .header("Authorization", "Bearer " + seeded.partnerToken()).header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(ListPathHarness.Seeder.csv(500, uploads.incrementAndGet()))).build(), 201);
                    case 1 -> new Request("partner-preview", HttpRequest.newBuilder(URI.create(base + lists + "/" + uploadId)).timeout(REQUEST_TIMEOUT)
                            .header("Authorization", "Bearer " + seeded.partnerToken()).GET().build(), 200);
                    default -> null;
                };
            }

            @Override
            String accept(Request request, HttpResponse<String> response) {
                if (request.kind().equals("partner-upload")) {
                    try {
                        uploadId = JSON.readTree(response.body()).get("uploadId").asLong();
                    } catch (Exception e) {
                        return "unreadable answer: " + e;
                    }
                }
                return null;
            }
        }

        /** Every acknowledged submission is in the database as acknowledged. */
        void verify(Database db) {
            List<Acknowledged> acks;
            synchronized (acknowledged) {
                acks = new ArrayList<>(acknowledged);
            }
            int[] missing = {0};
            db.jdbi().useHandle(h -> {
                for (Acknowledged a : acks) {
                    Map<String, Object> row = h.createQuery("SELECT id, status FROM rank_list WHERE cycle_id = :c AND iteration = 1 AND owner_kind = 'APPLICANT' "
                            + "AND owner_id = :o AND version = :v").bind("c", CYCLE).bind("o", a.applicantId()).bind("v", a.version()).mapToMap().findOne().orElse(null);
                    List<String> entries = row == null ? List.of() : h.createQuery("SELECT item FROM rank_list_entry WHERE rank_list_id = :id ORDER BY position")
                            .bind("id", ((Number) row.get("id")).longValue()).mapTo(String.class).list();
                    if (row == null || !"SUBMITTED".equals(row.get("status")) || !entries.equals(a.streams())) {
                        if (missing[0]++ < 10) System.out.println("LOST or changed: " + a + " -> " + row + " " + entries);
                    }
                }
            });
            Map<String, Integer> perApplicant = new HashMap<>();
            for (Acknowledged a : acks) perApplicant.merge(a.applicantId(), 1, Integer::sum);
            System.out.printf(Locale.ROOT, "RESULT acknowledged submissions: %,d (by %,d applicants); found in the database exactly as acknowledged: %,d; lost or changed: %d%n",
                    acks.size(), perApplicant.size(), acks.size() - missing[0], missing[0]);
            if (missing[0] > 0) throw new IllegalStateException(missing[0] + " acknowledged submissions are not in the database as acknowledged");
        }
    }

    /** The service's process id, for its CPU time (-1 until started). */
    static volatile long servicePid = -1;

    /**
     * CPU time used so far (user + system, all threads) by the service, by PostgreSQL (every process named
     * postgres, with the children the postmaster has reaped) and by this harness, from /proc (Linux).
     */
    record CpuUse(long serviceMs, long postgresMs, long harnessMs) {
        long totalMs() {
            return serviceMs + postgresMs + harnessMs;
        }

        static CpuUse now(long servicePid) {
            long postgres = 0;
            try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (var dir : dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    String[] f = stat(dir.resolve("stat"));
                    if (f != null && f[1].equals("(postgres)")) postgres += ticks(f, true);
                }
            } catch (Exception e) {
                postgres = 0;
            }
            return new CpuUse(servicePid < 0 ? 0 : ms(stat(java.nio.file.Path.of("/proc", String.valueOf(servicePid), "stat")), false),
                    postgres * 1000 / TICKS_PER_SECOND, ms(stat(java.nio.file.Path.of("/proc/self/stat")), false));
        }

        private static long ms(String[] f, boolean withChildren) {
            return f == null ? 0 : ticks(f, withChildren) * 1000 / TICKS_PER_SECOND;
        }

        /** utime + stime (fields 14 and 15), and cutime + cstime (16, 17) when asked. */
        private static long ticks(String[] f, boolean withChildren) {
            long t = Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return withChildren ? t + Long.parseLong(f[15]) + Long.parseLong(f[16]) : t;
        }

        private static String[] stat(java.nio.file.Path file) {
            try {
                return java.nio.file.Files.readString(file).split(" ");
            } catch (Exception e) {
                return null; // a process that ended meanwhile
            }
        }

        /** Linux's USER_HZ, 100 on every common build (what getconf CLK_TCK says). */
        private static final long TICKS_PER_SECOND = 100;
    }

    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private DeadlineLoadHarness() {}
}
