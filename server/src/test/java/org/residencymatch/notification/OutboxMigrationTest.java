package org.residencymatch.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.residencymatch.store.Database;
import org.residencymatch.store.DatabaseTest;

/**
 * V29 moves the two old outboxes into the one table: every message, sent or not, keeps its content and
 * its state, and the pending ones are delivered afterwards.
 */
@DatabaseTest
class OutboxMigrationTest {

    @Test
    void theMessagesOfBothOldOutboxesMoveIntoTheOneOutbox() throws Exception {
        String url = System.getProperty("test.db.url", "");
        String user, password, schema;
        if (url.isBlank()) {
            url = "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + Database.H2_POSTGRES_MODE;
            user = "sa";
            password = "";
            schema = null;
        } else {
            user = System.getProperty("test.db.user", "postgres");
            password = System.getProperty("test.db.password", "");
            schema = "migration_" + UUID.randomUUID().toString().replace("-", "");
        }
        var flyway = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("19");
        if (schema != null) flyway.schemas(schema).createSchemas(true);
        flyway.load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            if (schema != null) c.setSchema(schema);
            s.execute(
                    "INSERT INTO applicant (id, family_name, given_names, created_at) VALUES ('A-1', 'Lovelace', 'Ada', TIMESTAMP '2024-10-01 10:00:00')");
            s.execute("INSERT INTO notification_outbox (applicant_id, kind, subject_key, details, created_at, sent_at) VALUES "
                    + "('A-1', 'ELIGIBILITY_CHANGED', 'notification.eligibilityChanged', 'QIMG list version 2', TIMESTAMP '2024-10-02 10:00:00', NULL), "
                    + "('A-1', 'ELIGIBILITY_CHANGED', 'notification.eligibilityChanged', 'QIMG list version 1', TIMESTAMP '2024-10-01 10:00:00', TIMESTAMP '2024-10-01 10:00:05')");
            s.execute("INSERT INTO email_outbox (recipient, subject_key, link, language, created_at, sent_at) VALUES "
                    + "('ada@example.org', 'email.confirm', 'https://x/confirm?token=t', 'fr', TIMESTAMP '2024-10-03 10:00:00', NULL)");
        }
        Database db = schema == null ? Database.open(url, user, password, null) : Database.open(url, user, password, schema);
        try {
            List<String> rows = db.jdbi().withHandle(h -> h.createQuery("""
                    SELECT channel, COALESCE(applicant_id, recipient) AS addressee, kind, subject_key, body, language, attempts,
                           sent_at IS NOT NULL AS sent, next_attempt_at = created_at AS due_at_creation
                    FROM outbox_message ORDER BY created_at""")
                    .map((rs, ctx) -> row(rs)).list());
            assertThat(rows).containsExactly(
                    "APPLICANT A-1 ELIGIBILITY_CHANGED notification.eligibilityChanged QIMG list version 1 null 0 true true",
                    "APPLICANT A-1 ELIGIBILITY_CHANGED notification.eligibilityChanged QIMG list version 2 null 0 false true",
                    "EMAIL ada@example.org EMAIL email.confirm https://x/confirm?token=t fr 0 false true");
            List<String> delivered = new ArrayList<>();
            assertThat(
                    new Outbox(db.jdbi(), java.time.Clock.systemUTC()).deliverPending(m -> delivered.add(m.channel() + " " + m.body()), 10))
                    .isEqualTo(2);
            assertThat(delivered).containsExactly("APPLICANT QIMG list version 2", "EMAIL https://x/confirm?token=t");
            boolean oldTablesGone = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) IN ('notification_outbox', 'email_outbox')"
                            + (schema == null ? "" : " AND table_schema = :s"))
                    .bindMap(schema == null ? java.util.Map.of() : java.util.Map.of("s", schema))
                    .mapTo(Integer.class).one() == 0);
            assertThat(oldTablesGone).isTrue();
        } finally {
            if (schema != null) db.jdbi().useHandle(h -> h.execute("DROP SCHEMA " + schema + " CASCADE"));
            db.close();
        }
    }

    private static String row(ResultSet rs) throws java.sql.SQLException {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) cells.add(String.valueOf(rs.getObject(i)));
        return String.join(" ", cells);
    }
}
