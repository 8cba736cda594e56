package org.residencymatch.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.residencymatch.Services;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.Database;
import org.residencymatch.web.WebConfig;
import org.residencymatch.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the service on the embedded database, seeded with the 2025 catalogue and demo people. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the service on the embedded database in --data, seeded with the 2025 R-1 catalogue and demo accounts.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port = 7070;

    @Option(names = "--data", description = "folder of the demo database (default: ${DEFAULT-VALUE})")
    Path dataDir = Path.of("demo-data");

    @Option(names = "--now", description = "the demo's date and time, in the 2025-R1 calendar; the clock runs on from there "
            + "(default: ${DEFAULT-VALUE}, program selection; 2025-01-20T12:00 for rank order lists, 2025-02-20T12:00 for the match, "
            + "2025-03-05T12:00 for match day)")
    LocalDateTime now = LocalDateTime.of(2024, 10, 15, 12, 0);

    @Override
    public Integer call() throws Exception {
        // The demo cycle is 2025's: its clock starts at --now and runs on, so the cycle is in progress.
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(LocalDateTime.now(ZoneOffset.UTC), now));
        Services services = Services.start(Database.openEmbeddedFile(dataDir.resolve("residency-match")), clock);
        DemoData.AccountList accounts = new DemoData(services).seedIfEmpty();
        // What people would have done by --now (applications, rank order lists), done once each, as the clock passes it.
        new org.residencymatch.demo.DemoJourney(services).catchUp()
                .forEach(step -> System.out.println("Demo data caught up with the clock: " + step));
        WebConfig env = WebConfig.fromEnvironment(port);
        // The demo's mailbox: each email, rendered, is a file of demo-data/mail (the log holds only ids and kinds).
        Path mail = dataDir.resolve("mail");
        services.startBackgroundWork(java.time.Duration.ofSeconds(5),
                org.residencymatch.notification.Outbox.mailFolder(mail, env.publicUrl()));
        WebServer server = new WebServer(services, env).start(port);
        System.out.println(accounts.describe("http://localhost:" + server.port(), env.bootstrapToken() != null));
        System.out.println(
                "Emails (such as the links to confirm a registration or reset a password) are written to " + mail.toAbsolutePath() + ".");
        System.out.println("The demo's clock says " + LocalDateTime.now(clock).withNano(0) + " (change it with --now).");
        ServeCommand.awaitShutdown(server, services);
        return 0;
    }
}
