package org.residencymatch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * The system of record: a connection pool, the schema migrated by Flyway, and JDBI on top.
 *
 * <p>The same SQL runs on H2 (in PostgreSQL mode, the default embedded database) and on PostgreSQL.
 * The service keeps no state of its own in memory, so several instances can share one database.
 */
public final class Database implements AutoCloseable {

    /** Options that make H2 behave like PostgreSQL for the SQL this project writes. */
    public static final String H2_POSTGRES_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String url;

    private Database(HikariDataSource dataSource, String url) {
        this.dataSource = dataSource;
        this.url = url;
        this.jdbi = Jdbi.create(dataSource);
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::statementFailureWithoutValues);
    }

    /**
     * The message of a failed statement: its SQL (placeholders, never values) and the SQL state, without
     * the bound arguments (JDBI's default lists them: names, emails, tokens) and without the driver's
     * message, which can quote a value too (H2 the value and the statement, PostgreSQL a key's value in a
     * unique violation's detail). The cause keeps the driver's exception for code that inspects it.
     */
    static String statementFailureWithoutValues(StatementException failure) {
        String state = failure.getCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
        String what = failure.getCause() == null ? "statement failed" : failure.getCause().getClass().getSimpleName();
        String sql = failure.getStatementContext() == null ? null : failure.getStatementContext().getRawSql();
        if (sql != null && sql.length() > 300) sql = sql.substring(0, 300) + "[...]";
        return what + (state == null ? "" : " (SQL state " + state + ")") + (sql == null ? "" : " [statement: \"" + sql + "\"]");
    }

    /**
     * Opens a pool on {@code url}, migrates the schema to the newest version and returns the database.
     *
     * @param schema a schema to work in (created if missing), or {@code null} for the connection's default
     */
    public static Database open(String url, String user, String password, String schema) {
        url = durable(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setPoolName("residency-match");
        // Fail fast when the database is down instead of hanging requests for 30 s.
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        if (schema != null) config.setSchema(schema);
        // PostgreSQL's driver sends a JDBC batch as one multi-row INSERT with this: 100,000 list rows
        // load in a third of the time.
        if (url.startsWith("jdbc:postgresql:")) config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(url, user, password, schema);
            Database database = new Database(pool, url);
            if (!database.isWritable()) throw new NotWritableException(describe(url));
            return database;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The database opened but takes no writes (a read-only folder or disk, a full disk, a read-only server): the service cannot run on it. */
    public static final class NotWritableException extends RuntimeException {
        NotWritableException(String where) {
            super("The database " + where + " cannot be written (a read-only folder or disk, or a full disk?). "
                    + "The service needs to write there: make room or make it writable, then start again.");
        }
    }

    /** The URL without any password, to name the database in a message. */
    private static String describe(String url) {
        if (url.startsWith("jdbc:h2:file:")) return "in " + Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]).getParent();
        return url.replaceAll("password=[^&;]*", "password=***");
    }

    /**
     * An H2 file database stores what its transactions committed in the background, about a second later
     * (MVStore's write delay): a process killed in that second loses transactions it acknowledged
     * (ServiceKillTest saw an acknowledged rank order list missing after a kill -9). With a write delay of
     * 0 every commit is written to the file before it returns. Other URLs are left as they are.
     */
    static String durable(String url) {
        if (!url.startsWith("jdbc:h2:file:") || url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) return url;
        return url + ";WRITE_DELAY=0";
    }

    /**
     * Opens the embedded H2 database stored in the given file path (without extension). A folder or file that
     * cannot be written is refused at once: H2 would open it read-only, and every change would then fail.
     */
    public static Database openEmbeddedFile(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        Path data = Path.of(file.toAbsolutePath() + ".mv.db");
        if ((Files.isDirectory(folder) && !Files.isWritable(folder)) || (Files.exists(data) && !Files.isWritable(data))) {
            throw new NotWritableException("in " + folder);
        }
        return open("jdbc:h2:file:" + file.toAbsolutePath() + H2_POSTGRES_MODE, "sa", "", null);
    }

    /**
     * Migrates on a connection of its own rather than from the pool: opening a database that is still
     * recovering (an embedded H2 file after a crash rolls back the interrupted transaction first) may
     * take longer than the pool's request timeout, and must not make the start fail.
     */
    private static void migrate(String url, String user, String password, String schema) {
        var flyway = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
        if (schema != null) flyway.schemas(schema).createSchemas(true);
        flyway.load().migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether this is PostgreSQL (as opposed to the embedded H2). */
    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /**
     * Reports the pool's gauges and timings (active, idle and pending connections, acquisition time)
     * to a registry. A pool reports to one registry only, so a second call is ignored: several
     * {@code Services} on one {@code Database} (tests do that) share the first one's pool figures.
     */
    public void reportPoolMetricsTo(io.micrometer.core.instrument.MeterRegistry registry) {
        synchronized (dataSource) {
            if (dataSource.getMetricRegistry() == null && dataSource.getMetricsTrackerFactory() == null)
                dataSource.setMetricRegistry(registry);
        }
    }

    /** Whether the database answers a trivial query now; used by the readiness endpoint. */
    public boolean isReachable() {
        try (var connection = dataSource.getConnection()) {
            if (connection.isValid(2)) return true;
            // A connection the database dropped: the pool hands out one used in the last half second
            // without checking it, so under frequent probes the same dead one would come back for
            // ever. Evicted, the next probe gets a new one and sees the database once it is back.
            dataSource.evictConnection(connection);
            return false;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Whether the database takes a write now: updates the probe row and commits (on H2, to the file). A database
     * can answer queries and still refuse every change: its folder or disk read-only, its disk full. After a
     * failure the pool's connections are replaced (idle ones at once, busy ones when returned), so that none
     * that saw the failure is used again (issue #15 found a service broken after its disk had room again).
     * WriteReadinessTest shows the recovery without a restart.
     */
    public boolean isWritable() {
        try (var connection = dataSource.getConnection();
                var probe = connection.prepareStatement("UPDATE readiness_probe SET checked_at = ? WHERE id = 1")) {
            probe.setObject(1, LocalDateTime.now(ZoneOffset.UTC));
            if (probe.executeUpdate() != 1) return false;
            if (!connection.getAutoCommit()) connection.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            var pool = dataSource.getHikariPoolMXBean();
            if (pool != null) pool.softEvictConnections();
            return false;
        }
    }

    /**
     * Whether a failure means the database could not be reached (no connection within the pool's
     * timeout, or a connection lost: SQL state class 08), as opposed to a fault of the request or of
     * the code. Such a request is not acknowledged (if the connection was lost during its commit, the
     * change may or may not have been made) and may be retried once the database is back; the pool
     * replaces broken connections by itself.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) return true;
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) return true;
        }
        return false;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
