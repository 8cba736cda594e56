package org.residencymatch.jobs;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * A background job as its progress page shows it.
 *
 * @param resultPath  where the finished work is shown (for DONE)
 * @param failurePath where the person goes back to when it failed, with the error's code
 */
public record Job(long id, String kind, long ownerAccount, Status status, String stepKey, int stepNumber, int stepCount,
        String resultPath, String failurePath, String errorCode, String errorMessage, LocalDateTime startedAt, LocalDateTime heartbeatAt,
        LocalDateTime finishedAt) {

    public enum Status {
        RUNNING, DONE, FAILED
    }

    /** A running job whose heartbeat is older than this had its instance die under it. */
    static final Duration HEARTBEAT_LOST = Duration.ofSeconds(30);

    /** Whether the job still runs, as far as anyone can tell at {@code now}. */
    public boolean running(LocalDateTime now) {
        return status == Status.RUNNING && !interrupted(now);
    }

    /** Whether the instance running the job stopped before it finished. */
    public boolean interrupted(LocalDateTime now) {
        return status == Status.RUNNING && heartbeatAt.plus(HEARTBEAT_LOST).isBefore(now);
    }
}
