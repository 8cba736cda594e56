package org.residencymatch.audit;

import java.time.LocalDateTime;

/** One audit row as read back: when (UTC), who, what, on what, and the ids and counts recorded with it. */
public record AuditEntry(long id, LocalDateTime at, String actor, String action, String target, String details) {
}
