package org.residencymatch.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Inserts many rows into one table, inside the caller's transaction, the fastest way the database
 * offers: PostgreSQL's {@code COPY ... FROM STDIN} (one stream, no statement per row, no parameter
 * binding: about a tenth of the time of batched inserts for 100,000 list rows), and on H2 multi-row
 * {@code INSERT ... VALUES (...), (...)} statements sent in JDBC batches.
 *
 * <p>Values may be {@code null}, strings, integers, longs, {@link BigDecimal}s, {@link LocalDate}s,
 * {@link LocalDateTime}s and booleans; anything else is refused, so that both paths store the same
 * thing.
 */
public final class BulkInsert {

    /** Rows per multi-row statement on H2. */
    static final int ROWS_PER_STATEMENT = 100;
    /** Statements per JDBC batch on H2. */
    private static final int STATEMENTS_PER_BATCH = 50;
    /** Bytes of COPY data gathered before they are sent to PostgreSQL. */
    private static final int COPY_CHUNK = 256 * 1024;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private BulkInsert() {
    }

    /**
     * @param table   the table, as written in SQL
     * @param columns its columns, in the order of the values
     * @param values  one row's values, one per column
     */
    public static <T> void insert(Handle h, String table, List<String> columns, List<T> items, Function<T, Object[]> values) {
        if (items.isEmpty()) return;
        try {
            Connection connection = h.getConnection();
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), table, columns, items, values);
            } else {
                insertStatements(connection, "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES",
                        "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")", columns.size(), items, values);
            }
        } catch (SQLException e) {
            // As Jdbi reports a failed statement, so that callers handle both databases' failures alike.
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static <T> void copy(PGConnection connection, String table, List<String> columns, List<T> items, Function<T, Object[]> values)
            throws SQLException {
        CopyIn copy = connection.getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
        try {
            StringBuilder chunk = new StringBuilder(COPY_CHUNK + 4096);
            for (T item : items) {
                appendCopyLine(chunk, row(values, item, columns.size()));
                if (chunk.length() >= COPY_CHUNK) {
                    send(copy, chunk);
                    chunk.setLength(0);
                }
            }
            send(copy, chunk);
            copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            // A failed row leaves the COPY open; cancelling it leaves the connection usable for the rollback.
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        }
    }

    private static void send(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
    }

    /** One row in COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
    static void appendCopyLine(StringBuilder line, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) line.append('\t');
            Object value = row[i];
            if (value == null) {
                line.append("\\N");
            } else if (value instanceof String s) {
                appendEscaped(line, s);
            } else if (value instanceof LocalDateTime t) {
                line.append(TIMESTAMP.format(t));
            } else if (value instanceof BigDecimal d) {
                line.append(d.toPlainString());
            } else {
                // Integer, Long, LocalDate (ISO), Boolean: their text is what PostgreSQL reads.
                line.append(value);
            }
        }
        line.append('\n');
    }

    private static void appendEscaped(StringBuilder line, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }

    private static <T> Object[] row(Function<T, Object[]> values, T item, int width) {
        Object[] row = values.apply(item);
        if (row.length != width) throw new IllegalArgumentException(row.length + " values for " + width + " columns");
        for (Object value : row) {
            if (value != null
                    && !(value instanceof String || value instanceof Integer || value instanceof Long || value instanceof BigDecimal
                            || value instanceof LocalDate || value instanceof LocalDateTime || value instanceof Boolean)) {
                throw new IllegalArgumentException("cannot bulk insert a " + value.getClass().getName());
            }
        }
        return row;
    }

    /**
     * Multi-row statements in JDBC batches, bound through JDBC itself: resolving an argument type per
     * value through Jdbi was most of the time for 100,000 rows of 16 values.
     */
    private static <T> void insertStatements(Connection connection, String head, String placeholders, int width, List<T> items,
            Function<T, Object[]> values) throws SQLException {
        int full = items.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        if (full > 0) {
            try (PreparedStatement statement = connection.prepareStatement(statement(head, placeholders, ROWS_PER_STATEMENT))) {
                int pending = 0;
                for (int from = 0; from < full; from += ROWS_PER_STATEMENT) {
                    bind(statement, items.subList(from, from + ROWS_PER_STATEMENT), values, width);
                    statement.addBatch();
                    if (++pending == STATEMENTS_PER_BATCH) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) statement.executeBatch();
            }
        }
        if (full < items.size()) {
            List<T> rest = items.subList(full, items.size());
            try (PreparedStatement statement = connection.prepareStatement(statement(head, placeholders, rest.size()))) {
                bind(statement, rest, values, width);
                statement.executeUpdate();
            }
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

    private static <T> void bind(PreparedStatement statement, List<T> rows, Function<T, Object[]> values, int width) throws SQLException {
        int parameter = 1;
        for (T item : rows) {
            for (Object value : row(values, item, width)) statement.setObject(parameter++, value);
        }
    }
}
