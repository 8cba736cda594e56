package org.residencymatch.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the audit log for the operator, filtered. Only the shape of the statement depends on which
 * filters are given; every value is bound, and LIKE wildcards in a prefix are escaped (with {@code !}, which no SQL dialect or JDBI treats specially), so a filter is
 * always taken literally.
 */
public final class AuditTrail {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;
    /** Enough for a CSV export of a filtered period, bounded so that an export cannot exhaust memory. */
    public static final int MAX_EXPORT = 10_000;

    private final Jdbi jdbi;

    public AuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Page {@code page} (from 1) of the entries matching {@code filter}, newest first. */
    public AuditPage search(AuditFilter filter, int page, int pageSize) {
        if (page < 1) throw new IllegalArgumentException("page starts at 1");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE);
        Map<String, Object> binds = new TreeMap<>();
        String where = where(filter, binds);
        return jdbi.withHandle(h -> {
            long total = bind(h.createQuery("SELECT COUNT(*) FROM audit_log" + where), binds).mapTo(Long.class).one();
            List<AuditEntry> entries = rows(h, where, binds, (long) (page - 1) * pageSize, pageSize);
            return new AuditPage(entries, page, pageSize, total);
        });
    }

    /** Every entry matching {@code filter}, newest first, at most {@link #MAX_EXPORT}. */
    public List<AuditEntry> export(AuditFilter filter) {
        Map<String, Object> binds = new TreeMap<>();
        String where = where(filter, binds);
        return jdbi.withHandle(h -> rows(h, where, binds, 0, MAX_EXPORT));
    }

    /**
     * The newest {@code limit} entries about one person's file, newest first: those whose target is one
     * of {@code targets} (their applicant id, cases, couples, help requests) or whose actor is one of
     * {@code actors} (their own account).
     */
    public List<AuditEntry> about(java.util.Collection<String> targets, java.util.Collection<String> actors, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE_SIZE);
        List<String> t = targets.isEmpty() ? List.of("") : List.copyOf(targets);
        List<String> a = actors.isEmpty() ? List.of("") : List.copyOf(actors);
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, at, actor, action, target, details FROM audit_log
                WHERE target IN (<targets>) OR actor IN (<actors>)
                ORDER BY at DESC, id DESC LIMIT :limit""")
                .bindList("targets", t).bindList("actors", a).bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toLocalDateTime(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("details")))
                .list());
    }

    /** The actions recorded so far, for a filter's choice list. */
    public List<String> actions() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT action FROM audit_log ORDER BY action").mapTo(String.class).list());
    }

    private static List<AuditEntry> rows(Handle h, String where, Map<String, Object> binds, long offset, int limit) {
        return bind(h.createQuery("SELECT id, at, actor, action, target, details FROM audit_log" + where
                + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset"), binds)
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toLocalDateTime(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("details")))
                .list();
    }

    private static String where(AuditFilter filter, Map<String, Object> binds) {
        List<String> conditions = new ArrayList<>();
        if (filter.actor() != null) {
            conditions.add("actor = :actor");
            binds.put("actor", filter.actor());
        }
        if (filter.action() != null) {
            conditions.add(filter.actionIsPrefix() ? "action LIKE :action ESCAPE '!'" : "action = :action");
            binds.put("action", filter.actionIsPrefix() ? likePrefix(filter.action()) : filter.action());
        }
        if (filter.target() != null) {
            conditions.add("target LIKE :target ESCAPE '!'");
            binds.put("target", likePrefix(filter.target()));
        }
        if (filter.from() != null) {
            conditions.add("at >= :from");
            binds.put("from", filter.from());
        }
        if (filter.until() != null) {
            conditions.add("at < :until");
            binds.put("until", filter.until());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** A LIKE pattern matching what starts with {@code prefix}: its own {@code %} and {@code _} match only themselves. */
    static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(T statement, Map<String, Object> binds) {
        binds.forEach(statement::bind);
        return statement;
    }
}
