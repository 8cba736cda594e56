package org.residencymatch.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A fresh, migrated database for one test: in-memory H2 by default, or a new schema on the
 * PostgreSQL server named by the system property {@code test.db.url} (as {@code .ci/run} sets it),
 * dropped again on close. Every database test therefore runs on both databases in CI.
 *
 * <p>On H2 a fresh database is a copy of a template made once per test JVM ({@link #fromTemplate}):
 * the migrated schema, or the schema with the demo seeded ({@code demo.TestDemo}). Copying the
 * template's SQL script takes a fraction of the time that running the migrations (and seeding the
 * demo's 815 streams and 34 applicants) takes again for every test class.
 */
public final class TestDatabase {

    /** Per template key, the SQL script of the template (H2's SCRIPT), written once per JVM. */
    private static final Map<String, Path> TEMPLATES = new HashMap<>();

    private TestDatabase() {
    }

    public static boolean onPostgres() {
        String url = System.getProperty("test.db.url", "");
        return !url.isBlank();
    }

    public static Database fresh() {
        if (onPostgres()) return freshShared(1).get(0);
        return fromTemplate("migrated", template -> {
        });
    }

    /**
     * On H2: a fresh in-memory database holding a copy of the template stored under {@code key}. The
     * first call with a key makes the template: a fresh migrated database, which {@code prepare} fills
     * (it may close the database it is given); its content is then kept as an SQL script (H2's
     * {@code SCRIPT}: tables, rows, indexes, constraints, sequences and identity counters) that every
     * copy runs ({@code RUNSCRIPT}). The copy is as if {@code prepare} had run on it, provided that
     * what {@code prepare} writes depends only on the key: the key must name everything it reads
     * (a clock's time, for instance). Not on PostgreSQL, where each test fills its own schema.
     */
    public static synchronized Database fromTemplate(String key, Consumer<Database> prepare) {
        if (onPostgres()) throw new IllegalStateException("database templates are for H2 only");
        Path script = TEMPLATES.get(key);
        if (script == null) {
            String templateUrl = h2Url("template");
            Database template = Database.open(templateUrl, "sa", "", null);
            try {
                prepare.accept(template);
            } finally {
                template.close();
            }
            try {
                script = Files.createTempFile("h2-template-", ".sql");
                script.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // SHUTDOWN frees the template's memory: the script is all the copies need.
            execute(templateUrl, "SCRIPT TO '" + script + "'", "SHUTDOWN");
            TEMPLATES.put(key, script);
        }
        String url = h2Url("test");
        execute(url, "RUNSCRIPT FROM '" + script + "'");
        return Database.open(url, "sa", "", null);
    }

    private static String h2Url(String prefix) {
        return "jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + Database.H2_POSTGRES_MODE;
    }

    private static void execute(String url, String... statements) {
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            for (String sql : statements) statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 template: " + e.getMessage(), e);
        }
    }

    /**
     * One fresh database opened {@code count} times, each with a pool of its own, as several service
     * instances sharing one database open it.
     */
    public static java.util.List<Database> freshShared(int count) {
        String url = System.getProperty("test.db.url", "");
        java.util.List<Database> opened = new java.util.ArrayList<>();
        if (url.isBlank()) {
            String h2 = h2Url("test");
            for (int i = 0; i < count; i++) opened.add(Database.open(h2, "sa", "", null));
            return opened;
        }
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        String user = System.getProperty("test.db.user", "postgres");
        String password = System.getProperty("test.db.password", "");
        // Drop the test's schema when the JVM ends, on a connection of its own (the pool may be closed by then).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var connection = java.sql.DriverManager.getConnection(url, user, password);
                    var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (java.sql.SQLException ignored) {
                // the server went away; the schema is left behind, harmless
            }
        }));
        for (int i = 0; i < count; i++) opened.add(Database.open(url, user, password, schema));
        return opened;
    }
}
