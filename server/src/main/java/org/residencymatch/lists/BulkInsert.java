package org.residencymatch.lists;

import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Inserts many rows with multi-row {@code INSERT ... VALUES (...), (...), ...} statements sent in JDBC
 * batches: one round trip and one statement execution per {@value #ROWS_PER_STATEMENT} rows instead of
 * one per row, on H2 and PostgreSQL alike (pgjdbc's {@code reWriteBatchedInserts} does the same
 * rewriting, but only when the pool is configured for it).
 */
final class BulkInsert {

    /** Rows per statement (pgjdbc's own rewriting goes up to 128; PostgreSQL allows 65,535 parameters). */
    static final int ROWS_PER_STATEMENT = 100;

    /** Statements per JDBC batch. */
    private static final int STATEMENTS_PER_BATCH = 50;

    private BulkInsert() {}

    /**
     * @param head         {@code INSERT INTO table (columns) VALUES}
     * @param placeholders one row's values, e.g. {@code (?, ?, 'NONE')}, with one {@code ?} per value of {@code values}
     */
    static <T> void insert(Handle h, String head, String placeholders, List<T> items, Function<T, Object[]> values) {
        int full = items.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        if (full > 0) {
            String sql = statement(head, placeholders, ROWS_PER_STATEMENT);
            var batch = h.prepareBatch(sql);
            int pending = 0;
            for (int from = 0; from < full; from += ROWS_PER_STATEMENT) {
                batch.add(arguments(items.subList(from, from + ROWS_PER_STATEMENT), values));
                if (++pending == STATEMENTS_PER_BATCH) {
                    batch.execute();
                    batch = h.prepareBatch(sql);
                    pending = 0;
                }
            }
            if (pending > 0) batch.execute();
        }
        if (full < items.size()) {
            List<T> rest = items.subList(full, items.size());
            // Bound like the full statements (a batch of one), so nulls and types bind the same way.
            var batch = h.prepareBatch(statement(head, placeholders, rest.size()));
            batch.add(arguments(rest, values));
            batch.execute();
        }
    }

    private static String statement(String head, String placeholders, int rows) {
        StringBuilder sql = new StringBuilder(head.length() + rows * (placeholders.length() + 2)).append(head).append(' ');
        for (int i = 0; i < rows; i++) {
            if (i > 0) sql.append(", ");
            sql.append(placeholders);
        }
        return sql.toString();
    }

    private static <T> Object[] arguments(List<T> rows, Function<T, Object[]> values) {
        Object[] first = values.apply(rows.get(0));
        Object[] args = new Object[first.length * rows.size()];
        System.arraycopy(first, 0, args, 0, first.length);
        for (int r = 1; r < rows.size(); r++) {
            Object[] v = values.apply(rows.get(r));
            if (v.length != first.length) throw new IllegalArgumentException("rows of different widths");
            System.arraycopy(v, 0, args, r * first.length, v.length);
        }
        return args;
    }
}
