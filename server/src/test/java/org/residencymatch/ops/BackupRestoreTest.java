package org.residencymatch.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.account.Accounts;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.Database;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.TestDatabase;
import org.residencymatch.web.WebConfig;
import org.residencymatch.web.WebServer;

/**
 * Backups are PostgreSQL's own: the database is dumped with {@code pg_dump}, restored with
 * {@code pg_restore} into a new database, and a service opened on the restored one serves the same
 * catalogues, answer for answer, as the original (the commands are those of the README).
 */
@DatabaseTest
class BackupRestoreTest {

    /** Applicants in different situations: no list, on AIMG, on QIMG, missing from QIMG, Particulier. */
    private static final List<String> APPLICANTS = List.of("A-2001", "A-2002", "A-2004", "A-2005", "A-2017");
    private static final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRestoredDumpServesTheSameCatalogue() throws Exception {
        assumeTrue(TestDatabase.onPostgres(), "pg_dump and pg_restore need PostgreSQL: run with -Dtest.db.url=jdbc:postgresql://...");
        String url = System.getProperty("test.db.url");
        String user = System.getProperty("test.db.user", "postgres");
        String password = System.getProperty("test.db.password", "");
        URI server = URI.create(url.substring("jdbc:".length()));
        String restoredName = "restore_" + UUID.randomUUID().toString().replace("-", "");
        Path dump = Files.createTempFile("residency-match-", ".dump");
        try {
            Map<String, String> original;
            String schema;
            String token;
            try (Services services = Services.start(TestDatabase.fresh())) {
                new DemoData(services).seedIfEmpty();
                schema = services.database().jdbi().withHandle(h -> h.createQuery("SELECT current_schema()").mapTo(String.class).one());
                token = operatorToken(services);
                original = catalogues(services, token);
                run(password, "pg_dump", "--host", server.getHost(), "--port", Integer.toString(server.getPort()), "--username", user,
                        "--format", "custom", "--schema", schema, "--file", dump.toString(), server.getPath().substring(1));
            }
            try (var admin = DriverManager.getConnection(url, user, password); var statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + restoredName);
            }
            run(password, "pg_restore", "--host", server.getHost(), "--port", Integer.toString(server.getPort()), "--username", user,
                    "--no-owner", "--exit-on-error", "--dbname", restoredName, dump.toString());

            String restoredUrl = "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + restoredName;
            try (Services restored = Services.start(Database.open(restoredUrl, user, password, schema))) {
                Map<String, String> served = catalogues(restored, token);
                assertThat(served).isEqualTo(original);
                assertThat(served.values()).allSatisfy(body -> assertThat(body).contains("\"total\":815"));
            }
        } finally {
            Files.deleteIfExists(dump);
            try (var admin = DriverManager.getConnection(url, user, password); var statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + restoredName);
            }
        }
    }

    private static String operatorToken(Services services) {
        Accounts accounts = new Accounts(services.database().jdbi(), services.clock());
        return services.database().jdbi().inTransaction(h -> accounts.issueApiToken(h,
                h.createQuery("SELECT id FROM user_account WHERE email = :e").bind("e", DemoData.OPERATOR_EMAIL).mapTo(Long.class).one(),
                "backup test"));
    }

    /** Each applicant's whole catalogue as the API serves it, through a web server on the given services. */
    private static Map<String, String> catalogues(Services services, String token) throws Exception {
        Map<String, String> bodies = new LinkedHashMap<>();
        try (WebServer server = new WebServer(services, new WebConfig(null, false)).start(0)) {
            for (String applicant : APPLICANTS) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                        + "/api/v1/cycles/" + DemoData.CYCLE + "/applicants/" + applicant + "/catalogue?pageSize=1000"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(applicant).isEqualTo(200);
                bodies.put(applicant, response.body());
            }
        }
        return bodies;
    }

    private static void run(String password, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        if (!password.isEmpty()) builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command[0] + " finished").isTrue();
        assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
    }
}
