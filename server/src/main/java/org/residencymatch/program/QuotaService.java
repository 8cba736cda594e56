package org.residencymatch.program;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.CycleRepository;

/** The operator's view and changes of the streams' quotas (positions), for the page and the API alike. */
public final class QuotaService {

    public static final int MIN_QUOTA = 0;
    public static final int MAX_QUOTA = 999;

    private final Jdbi jdbi;
    private final CycleRepository cycles;
    private final ProgramRepository programs;
    private final AuditLog auditLog;
    private final Clock clock;

    public QuotaService(Jdbi jdbi, CycleRepository cycles, ProgramRepository programs, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.cycles = cycles;
        this.programs = programs;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A quota that is not a whole number of positions in range; names the field to correct. */
    public static final class InvalidQuotaException extends IllegalArgumentException {
        InvalidQuotaException(String message) {
            super(message);
        }

        public String field() {
            return "quota";
        }
    }

    /** A change as made: the stream and its quota before and after (equal when nothing changed). */
    public record QuotaChange(String cycleId, String streamId, int from, int to) {
    }

    /** One stream of the cycle, if it has it. */
    public Optional<ProgramStream> stream(String cycleId, String streamId) {
        return jdbi.withHandle(h -> programs.stream(h, cycleId, streamId));
    }

    /** Every stream of the cycle with its quota, in catalogue order. */
    public List<ProgramStream> streams(String cycleId) {
        requireCycle(cycleId);
        return jdbi.withHandle(h -> programs.streams(h, cycleId));
    }

    /**
     * Sets one stream's quota, with an audit row in the same transaction. Setting the quota it already
     * has changes nothing and writes no audit row.
     *
     * @throws InvalidQuotaException when the quota is outside {@value #MIN_QUOTA}..{@value #MAX_QUOTA}
     * @throws NotFoundException when the cycle or the stream (in that cycle) does not exist
     * @throws ConflictException {@code QUOTAS_FROZEN} once the match phase of the first iteration has started
     */
    public QuotaChange setQuota(String cycleId, String streamId, int quota, String actor) {
        if (quota < MIN_QUOTA || quota > MAX_QUOTA) {
            throw new InvalidQuotaException("quota must be a whole number from " + MIN_QUOTA + " to " + MAX_QUOTA);
        }
        Cycle cycle = requireCycle(cycleId);
        QuotaChangePolicy.Decision decision = QuotaChangePolicy.decide(cycle, LocalDateTime.now(clock));
        if (!decision.allowed()) {
            throw new ConflictException(decision.refusal(),
                    "quotas of " + cycleId + " are frozen: the match phase of iteration 1 has started");
        }
        return jdbi.inTransaction(h -> {
            // Lock the row so two operators changing the same stream each record the quota they really replaced.
            Integer current = h.createQuery("SELECT quota FROM program_stream WHERE cycle_id = :c AND id = :id FOR UPDATE")
                    .bind("c", cycleId).bind("id", streamId).mapTo(Integer.class).findOne()
                    .orElseThrow(() -> new NotFoundException("stream", streamId));
            if (current != quota) {
                programs.setQuota(h, cycleId, streamId, quota);
                auditLog.record(h, actor, "stream.quota-changed", "stream:" + cycleId + "/" + streamId,
                        "quota changed from " + current + " to " + quota);
            }
            return new QuotaChange(cycleId, streamId, current, quota);
        });
    }

    private Cycle requireCycle(String cycleId) {
        return cycles.find(cycleId).orElseThrow(() -> new NotFoundException("cycle", cycleId));
    }
}
