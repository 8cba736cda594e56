package org.residencymatch.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The service ({@code serve}) in a JVM of its own, on the test's classpath, for tests that kill it with
 * SIGKILL and restart it on the same database. It accepts {@code token} as the operator's API token.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String base;
    private final String token;

    private ServiceProcess(Process process, int port, String token) {
        this.process = process;
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    /** The database a child serves: an H2 file in a temporary folder, or a schema of its own on the test PostgreSQL. */
    public record Target(String url, String user, String password, String schema, String baseUrl) implements AutoCloseable {

        public static Target create(Path temp) throws Exception {
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

        public Database open() {
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

    /** Starts the service on the target and waits until {@code /ready} answers 200; its output goes to {@code temp/child.log}. */
    public static ServiceProcess start(Target db, Path temp, String token) throws Exception {
        return start(db, temp, token, "-Xmx2g");
    }

    /** As {@link #start(Target, Path, String)}, with the child JVM's maximum heap ({@code -Xmx512m}, say). */
    public static ServiceProcess start(Target db, Path temp, String token, String maxHeap) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, maxHeap, "-cp", System.getProperty("java.class.path"),
                "org.residencymatch.cli.ResidencyMatchCli", "serve", "--db-url", db.url(), "--port", String.valueOf(port),
                "--insecure-cookies"));
        if (db.user() != null && !db.user().isEmpty()) command.addAll(List.of("--db-user", db.user()));
        if (db.password() != null && !db.password().isEmpty()) command.addAll(List.of("--db-password", db.password()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(temp.resolve("child.log").toFile()));
        builder.environment().put("RESIDENCY_BOOTSTRAP_TOKEN", token);
        builder.environment().remove("RESIDENCY_DB_URL");
        ServiceProcess child = new ServiceProcess(builder.start(), port, token);
        child.awaitReady(temp);
        return child;
    }

    /**
     * Starts the service after a kill. The first open after a kill rolls back the interrupted transaction;
     * on H2 under load that can outlast the pool's 5-s connection timeout, and the service then exits at
     * start-up: restart it as a supervisor would (the output says so).
     */
    public static ServiceProcess startRetrying(Target db, Path temp, String token, int attempts) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                ServiceProcess child = start(db, temp, token);
                if (attempt > 1)
                    System.out.printf(Locale.ROOT, "ServiceProcess: the service started at attempt %d after the kill%n", attempt);
                return child;
            } catch (IllegalStateException exited) {
                if (attempt >= attempts) throw exited;
                System.out.printf(Locale.ROOT, "ServiceProcess: the service did not start after the kill (attempt %d): %s%n", attempt,
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
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
                    return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        kill();
        throw new IllegalStateException("the service did not become ready: " + Files.readString(temp.resolve("child.log")));
    }

    /** A request with the operator's token to a path of the service. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5));
    }

    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET that must answer 200. */
    public HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> r = send(request(path).GET().build());
        if (r.statusCode() != 200) throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        return r;
    }

    /** SIGKILL (on Linux); returns the exit status. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** A normal stop (SIGTERM): the service closes its pool, so the H2 file is free again. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }
}
