package org.residencymatch.ops;

import java.sql.SQLException;

/**
 * A failure as it may be logged: its exception types, SQL state and constraint, and where it was thrown,
 * never the text of its messages. A database error's message quotes what the statement was given
 * (JDBI's arguments; H2 quotes the value and the statement; PostgreSQL's detail quotes the key, such as
 * {@code Key (email)=(x@y) already exists}), and other messages can quote input too (a date that did not
 * parse). The stack trace stays, so the log still says where it happened.
 */
public final class Failures {

    private Failures() {
    }

    /** What a log line may say about a failure: the types in its chain, with SQL state and constraint. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) text.append(" <- ");
            text.append(t.getClass().getName());
            if (t instanceof SQLException sql) {
                if (sql.getSQLState() != null) text.append(" [SQL state ").append(sql.getSQLState());
                else
                    text.append(" [SQL state ?");
                String constraint = constraint(sql);
                if (constraint != null) text.append(", constraint ").append(constraint);
                text.append(']');
            }
        }
        return text.toString();
    }

    /**
     * A copy of the failure to hand a logger: each exception of the chain becomes a {@link Redacted} that
     * names its type (SQL state, constraint) and keeps its stack trace, without its message.
     */
    public static Throwable redacted(Throwable failure) {
        if (failure == null) return null;
        Throwable cause = failure.getCause() == failure ? null : redacted(failure.getCause());
        String what = failure.getClass().getName();
        if (failure instanceof SQLException sql) {
            String constraint = constraint(sql);
            what += " [SQL state " + sql.getSQLState() + (constraint == null ? "" : ", constraint " + constraint) + "]";
        }
        Redacted copy = new Redacted(what, cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** The violated constraint's name, which PostgreSQL reports apart from the message (H2 does not). */
    static String constraint(SQLException sql) {
        if (sql instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
            String name = psql.getServerErrorMessage().getConstraint();
            // A name the schema chose; kept only when it looks like one.
            if (name != null && name.matches("[A-Za-z0-9_]{1,63}")) return name;
        }
        return null;
    }

    /** An exception of the chain, its message withheld. */
    public static final class Redacted extends RuntimeException {
        Redacted(String what, Throwable cause) {
            super(what + " (message withheld from the log)", cause);
        }
    }
}
