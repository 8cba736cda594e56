package org.residencymatch.web;

import java.time.LocalDateTime;
import java.util.List;
import org.residencymatch.audit.AuditPage;

/** The JSON shapes of {@link AuditRoutes}, as records named after their schemas in {@code openapi.yaml}. */
final class AuditJson {

    private AuditJson() {
    }

    record AuditEntryPage(List<AuditEntry> entries, int page, int pageSize, long total, int pageCount) {

        static AuditEntryPage of(AuditPage found) {
            return new AuditEntryPage(found.entries().stream().map(AuditEntry::of).toList(), found.page(), found.pageSize(), found.total(),
                    found.pageCount());
        }
    }

    record AuditEntry(long id, LocalDateTime at, String actor, String action, String target, String details) {

        static AuditEntry of(org.residencymatch.audit.AuditEntry e) {
            return new AuditEntry(e.id(), e.at(), e.actor(), e.action(), e.target(), e.details());
        }
    }
}
