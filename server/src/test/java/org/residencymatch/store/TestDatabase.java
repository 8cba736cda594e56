package org.residencymatch.store;

import java.util.UUID;

/**
 * A fresh, migrated database for one test: in-memory H2 by default, or a new schema on the
 * PostgreSQL server named by the system property {@code test.db.url} (as {@code .ci/run} sets it),
 * dropped again on close. Every database test therefore runs on both databases in CI.
 */
public final class TestDatabase {

    private TestDatabase() {}

    public static boolean onPostgres() {
        String url = System.getProperty("test.db.url", "");
        return !url.isBlank();
    }

    public static Database fresh() {
        return freshShared(1).get(0);
    }

    /**
     * One fresh database opened {@code count} times, each with a pool of its own, as several service
     * instances sharing one database open it.
     */
    public static java.util.List<Database> freshShared(int count) {
        String url = System.getProperty("test.db.url", "");
        java.util.List<Database> opened = new java.util.ArrayList<>();
        if (url.isBlank()) {
            String h2 = "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + Database.H2_POSTGRES_MODE;
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
