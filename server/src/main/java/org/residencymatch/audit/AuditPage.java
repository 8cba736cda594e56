package org.residencymatch.audit;

import java.util.List;

/** One page of audit entries, newest first, with what is needed to offer the next and previous pages. */
public record AuditPage(List<AuditEntry> entries, int page, int pageSize, long total) {

    public int pageCount() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return (long) page * pageSize < total;
    }
}
