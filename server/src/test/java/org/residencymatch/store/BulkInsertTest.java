package org.residencymatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BulkInsert} stores exactly the values it is given, on H2 (multi-row inserts) and on
 * PostgreSQL (COPY, whose text format escapes backslashes, tabs and line breaks and spells null
 * {@code \N}), and a failure leaves the transaction to roll back whole.
 */
@DatabaseTest
class BulkInsertTest {

    private static final List<String> COLUMNS = List.of("id", "label", "amount", "born", "at", "flag", "big");

    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabase.fresh();
        db.jdbi().useHandle(h -> h.execute("CREATE TABLE bulk_probe (id INTEGER PRIMARY KEY, label VARCHAR(200), amount DECIMAL(6, 2), "
                + "born DATE, at TIMESTAMP, flag BOOLEAN, big BIGINT)"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void storesAwkwardTextNullsAndEveryTypeAsGiven() {
        List<Object[]> rows = List.of(
                new Object[]{1, "tab\there, line\nbreak, return\r, backslash \\ and \\N", new BigDecimal("12.50"), LocalDate.of(1990, 3, 4),
                        LocalDateTime.of(2025, 1, 20, 9, 30, 15, 123_456_000), true, 9_000_000_000L},
                new Object[]{2, null, null, null, null, null, null},
                new Object[]{3, "\\N", new BigDecimal("-0.01"), LocalDate.of(2000, 2, 29), LocalDateTime.of(2025, 12, 31, 23, 59), false,
                        -1L},
                new Object[]{4, "Québec, Lévesque, O'Brien; \"quoted\", 東京, emoji 🙂", BigDecimal.ZERO, LocalDate.of(1, 1, 1),
                        LocalDateTime.of(1970, 1, 1, 0, 0), false, 0L},
                new Object[]{5, "", new BigDecimal("9999.99"), LocalDate.of(9999, 12, 31), LocalDateTime.of(2025, 6, 1, 12, 0), true, 1L});

        db.jdbi().useTransaction(h -> BulkInsert.insert(h, "bulk_probe", COLUMNS, rows, row -> row));

        List<Object[]> stored = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT id, label, amount, born, at, flag, big FROM bulk_probe ORDER BY id")
                        .map((rs, ctx) -> new Object[]{rs.getInt("id"), rs.getString("label"), rs.getBigDecimal("amount"),
                                rs.getObject("born", LocalDate.class), rs.getObject("at", LocalDateTime.class),
                                rs.getObject("flag") == null ? null : rs.getBoolean("flag"),
                                rs.getObject("big") == null ? null : rs.getLong("big")})
                        .list());
        assertThat(stored).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] expected = rows.get(i).clone();
            if (expected[2] != null) expected[2] = ((BigDecimal) expected[2]).setScale(2);
            assertThat(stored.get(i)).as("row " + (i + 1)).isEqualTo(expected);
        }
    }

    @Test
    void storesManyRowsInTheirOrderAcrossChunksAndStatements() {
        // More rows than one COPY chunk or one H2 statement holds, and a number that leaves a partial last statement.
        int count = 20 * BulkInsert.ROWS_PER_STATEMENT * 10 + 37;
        List<Integer> ids = IntStream.rangeClosed(1, count).boxed().toList();

        db.jdbi().useTransaction(h -> BulkInsert.insert(h, "bulk_probe", List.of("id", "label"), ids,
                id -> new Object[]{id, "row " + id + " " + "x".repeat(100)}));

        List<String> labels = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT label FROM bulk_probe ORDER BY id").mapTo(String.class).list());
        assertThat(labels).hasSize(count);
        assertThat(labels.get(0)).startsWith("row 1 ");
        assertThat(labels.get(count - 1)).startsWith("row " + count + " ");
    }

    @Test
    void aFailingRowLeavesNothingAndTheConnectionUsable() {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO bulk_probe (id, label) VALUES (7, 'already there')"));
        List<Integer> ids = new ArrayList<>(IntStream.rangeClosed(1, 500).boxed().toList());

        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> BulkInsert.insert(h, "bulk_probe", List.of("id", "label"), ids,
                id -> new Object[]{id, "new"}))).isInstanceOf(RuntimeException.class);

        List<String> labels = db.jdbi().withHandle(h -> h.createQuery("SELECT label FROM bulk_probe").mapTo(String.class).list());
        assertThat(labels).containsExactly("already there");
    }

    @Test
    void refusesAValueItCannotStoreTheSameWayOnBothDatabases() {
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> BulkInsert.insert(h, "bulk_probe", List.of("id", "label"), List.of(1),
                id -> new Object[]{id, new StringBuilder("not a string")}))).hasMessageContaining("StringBuilder");
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> BulkInsert.insert(h, "bulk_probe", List.of("id", "label"), List.of(1),
                id -> new Object[]{id}))).hasMessageContaining("1 values for 2 columns");
        int stored = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM bulk_probe").mapTo(Integer.class).one());
        assertThat(stored).isZero();
    }
}
