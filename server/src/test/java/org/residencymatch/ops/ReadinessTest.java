package org.residencymatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.store.Database;
import org.residencymatch.web.WebConfig;
import org.residencymatch.web.WebServer;

/**
 * {@code /ready} follows the database: the service reaches its database over the network (an H2 TCP
 * server in this JVM), the server goes away, {@code /ready} says 503 while {@code /health} stays 200,
 * the server comes back on the same port, and {@code /ready} says 200 again without a restart of the
 * service: the pool drops the dead connections and opens new ones by itself.
 *
 * <p>Not a {@code @DatabaseTest}: it needs a database server it can stop, which the shared PostgreSQL
 * of CI is not. The same behaviour against PostgreSQL restarted under load is a fault test of its own.
 */
class ReadinessTest {

    static final HttpClient http = HttpClient.newHttpClient();

    static int status(WebServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void readyIsFalseWhileTheDatabaseIsUnreachableAndTrueAgainWhenItIsBack() throws Exception {
        Server tcp = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        int port = tcp.getPort();
        String url = "jdbc:h2:tcp://localhost:" + port + "/mem:ready-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                + Database.H2_POSTGRES_MODE;
        try (Services services = Services.start(Database.open(url, "sa", "", null));
                WebServer server = new WebServer(services, new WebConfig(null, false)).start(0)) {
            assertThat(status(server, "/ready")).isEqualTo(200);

            tcp.stop();
            assertThat(status(server, "/ready")).as("database away").isEqualTo(503);
            assertThat(status(server, "/health")).as("the process itself is fine").isEqualTo(200);

            tcp = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();
            long back = System.nanoTime();
            // A load balancer polls; so does the test, often (faster than the pool's own checks), for at most 30 s.
            while (status(server, "/ready") != 200 && System.nanoTime() - back < 30_000_000_000L) Thread.sleep(100);
            assertThat(status(server, "/ready")).as("database back").isEqualTo(200);
            assertThat(status(server, "/login")).as("pages work again, sessions included").isEqualTo(200);
        } finally {
            tcp.stop();
        }
    }
}
