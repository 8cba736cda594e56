package org.residencymatch.audit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Handle;

/**
 * Writes audit rows. Callers pass the {@link Handle} of the transaction that makes the change, so the
 * row is committed, or rolled back, together with the change it records. Details hold ids and counts,
 * never personal data such as names or dates of birth.
 */
public final class AuditLog {
    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public void record(Handle handle, String actor, String action, String target, String details) {
        handle.execute("INSERT INTO audit_log (at, actor, action, target, details) VALUES (?, ?, ?, ?, ?)",
                LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), actor, action, target, details);
    }
}
