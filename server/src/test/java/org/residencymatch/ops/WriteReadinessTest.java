package org.residencymatch.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencymatch.Services;
import org.residencymatch.store.Database;
import org.residencymatch.web.WebConfig;
import org.residencymatch.web.WebServer;

/**
 * {@code /ready} says whether the database takes writes, not only whether it answers: the embedded database
 * lives on a small disk of its own (a tmpfs mounted for the test), which is then filled; {@code /ready} says 503
 * while it is full, and 200 again, without a restart, once there is room, and pages work again. A service
 * started on a read-only data folder refuses to start with a clear message.
 *
 * <p>Mounting needs root (CI and the development machines run as root); elsewhere the tests are skipped,
 * saying so. Not covered: a disk made read-only under a running service (Linux refuses to remount read-only
 * while the database file is open for writing, so it cannot be simulated here; the write probe would fail as
 * on a full disk), a disk failing in other ways (I/O errors), and PostgreSQL's own full disk.
 */
class WriteReadinessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectories(temp.resolve("disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", disk.toString()) == 0;
        assumeTrue(mounted, "needs root, to mount a 24 MB tmpfs as the data folder");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) run("umount", "-l", disk.toString());
    }

    @Test
    void notReadyWhileTheDiskIsFullAndReadyAgainOnceThereIsRoom() throws Exception {
        try (Services services = Services.start(Database.openEmbeddedFile(disk.resolve("residency-match")));
                WebServer server = new WebServer(services, new WebConfig(null, false)).start(0)) {
            assertThat(get(server, "/ready").statusCode()).isEqualTo(200);

            Path filler = disk.resolve("filler");
            try (OutputStream out = Files.newOutputStream(filler)) {
                byte[] block = new byte[64 * 1024];
                while (true) out.write(block);
            } catch (IOException full) {
                // No space left on the device.
            }
            HttpResponse<String> full = get(server, "/ready");
            assertThat(full.statusCode()).as(full.body()).isEqualTo(503);
            assertThat(get(server, "/health").statusCode()).as("the process itself is fine").isEqualTo(200);

            Files.delete(filler);
            assertReadyAgain(server);
        }
    }

    @Test
    void theServiceRefusesToStartOnAReadOnlyDataFolderSayingWhy() throws Exception {
        // A data folder with a database in it, then made read-only.
        Services.start(Database.openEmbeddedFile(disk.resolve("residency-match"))).close();
        assertThat(run("mount", "-o", "remount,ro", disk.toString())).isZero();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = temp.resolve("serve.log");
        Process serve = new ProcessBuilder(
                List.of(java, "-cp", System.getProperty("java.class.path"), "org.residencymatch.cli.ResidencyMatchCli",
                        "serve", "--data", disk.toString(), "--port", String.valueOf(port)))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertThat(serve.waitFor(2, TimeUnit.MINUTES)).as("the service stopped by itself").isTrue();
        } finally {
            serve.destroyForcibly();
        }
        String said = Files.readString(output);
        assertThat(serve.exitValue()).as(said).isEqualTo(1);
        assertThat(said).contains("cannot be written").contains(disk.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Polls {@code /ready} as a load balancer would, for at most 30 s, then signs in a page (which writes its session). */
    private static void assertReadyAgain(WebServer server) throws Exception {
        long since = System.nanoTime();
        while (get(server, "/ready").statusCode() != 200 && System.nanoTime() - since < 30_000_000_000L) Thread.sleep(100);
        HttpResponse<String> ready = get(server, "/ready");
        assertThat(ready.statusCode()).as("ready again without a restart: " + ready.body()).isEqualTo(200);
        assertThat(get(server, "/login").statusCode()).as("pages work again, sessions included").isEqualTo(200);
    }

    private static HttpResponse<String> get(WebServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
