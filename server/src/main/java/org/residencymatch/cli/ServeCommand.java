package org.residencymatch.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.residencymatch.Services;
import org.residencymatch.web.TrustedProxies;
import org.residencymatch.web.WebConfig;
import org.residencymatch.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the service on any database (PostgreSQL in production). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the service on a database given by --db-url or $RESIDENCY_DB_URL (PostgreSQL in production).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port = 7070;

    @Option(names = "--insecure-cookies", description = "leave the Secure attribute off cookies (only for plain HTTP other than localhost)")
    boolean insecureCookies;

    @Option(names = "--trusted-proxies", paramLabel = "ADDRESSES", description = "load balancers whose X-Forwarded-For names the client: addresses or CIDR ranges, IPv4 or IPv6, "
            + "separated by commas (default: $RESIDENCY_TRUSTED_PROXIES, else none: the header is ignored)")
    String trustedProxies;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws InterruptedException {
        WebConfig config = WebConfig.fromEnvironment(port).withSecureCookies(!insecureCookies);
        if (trustedProxies != null) config = config.withTrustedProxies(TrustedProxies.parse(trustedProxies));
        Services services = Services.start(database.open());
        services.startBackgroundWork(java.time.Duration.ofSeconds(5));
        WebServer server = new WebServer(services, config).start(port);
        System.out.printf("Residency Match is serving http://localhost:%d on %s%n", server.port(), database.describe());
        awaitShutdown(server, services);
        return 0;
    }

    /** Blocks until the JVM is asked to stop, then stops the server and closes the pool. */
    static void awaitShutdown(WebServer server, Services services) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            services.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
