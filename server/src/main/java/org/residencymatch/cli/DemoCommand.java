package org.residencymatch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.residencymatch.Services;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.Database;
import org.residencymatch.web.WebConfig;
import org.residencymatch.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the service on the embedded database, seeded with the 2025 catalogue and demo people. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the service on the embedded database in --data, seeded with the 2025 R-1 catalogue and demo accounts.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port = 7070;

    @Option(names = "--data", description = "folder of the demo database (default: ${DEFAULT-VALUE})")
    Path dataDir = Path.of("demo-data");

    @Override
    public Integer call() throws Exception {
        Services services = Services.start(Database.openEmbeddedFile(dataDir.resolve("residency-match")));
        DemoData.AccountList accounts = new DemoData(services).seedIfEmpty();
        services.startOutboxDelivery(java.time.Duration.ofSeconds(5));
        WebConfig env = WebConfig.fromEnvironment();
        WebServer server = new WebServer(services, env).start(port);
        System.out.println(accounts.describe("http://localhost:" + server.port(), env.bootstrapToken() != null));
        ServeCommand.awaitShutdown(server, services);
        return 0;
    }
}
