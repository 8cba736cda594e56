package org.residencymatch.cli;

import java.nio.file.Path;
import org.residencymatch.store.Database;
import picocli.CommandLine.Option;

/** Where the database is: a JDBC URL (PostgreSQL in production) or the embedded H2 in a folder. */
final class DatabaseOptions {

    @Option(names = "--db-url", description = "JDBC URL of the database (default: $RESIDENCY_DB_URL, else the embedded database in --data)")
    String url = System.getenv("RESIDENCY_DB_URL");

    @Option(names = "--db-user", description = "database user (default: $RESIDENCY_DB_USER)")
    String user = System.getenv("RESIDENCY_DB_USER");

    @Option(names = "--db-password", description = "database password (default: $RESIDENCY_DB_PASSWORD)")
    String password = System.getenv("RESIDENCY_DB_PASSWORD");

    @Option(names = "--data", description = "folder of the embedded database (default: ${DEFAULT-VALUE})")
    Path dataDir = Path.of("data");

    Database open() {
        if (url != null && !url.isBlank()) return Database.open(url, user, password, null);
        return Database.openEmbeddedFile(dataDir.resolve("residency-match"));
    }

    String describe() {
        return url != null && !url.isBlank()
                ? url.replaceAll("password=[^&;]*", "password=***")
                : "embedded H2 in " + dataDir.toAbsolutePath();
    }
}
