package org.residencymatch.jobs;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.ConflictException;
import org.residencymatch.ops.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs long work started from a page in the background and records how far it has gone, so the
 * person who started it watches a progress page rather than a request that hangs. The work itself
 * must be transactional (a crash leaves it done whole or not at all); the job row only reports.
 */
public final class Jobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    /** The work: reports its steps, and returns the path of the page that shows its result. */
    @FunctionalInterface
    public interface Work {
        String run(Progress progress) throws Exception;
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();
    // One job at a time per instance: on 2 cores a second 100,000-row commit would only slow the first.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Threads.daemon("job-worker"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(Threads.daemon("job-heartbeat"));

    public Jobs(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        heartbeat.scheduleWithFixedDelay(this::beat, 5, 5, TimeUnit.SECONDS);
    }

    /**
     * Records the job and starts it in the background; returns its id at once.
     *
     * @param failurePath the page to go back to if the work fails (it is given the error's code)
     */
    public long start(String kind, long ownerAccount, String failurePath, Work work) {
        LocalDateTime now = LocalDateTime.now(clock);
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO background_job (kind, owner_account, status, step_number, step_count, "
                + "failure_path, started_at, heartbeat_at) VALUES (:kind, :owner, 'RUNNING', 0, 1, :failure, :now, :now)")
                .bind("kind", kind).bind("owner", ownerAccount).bind("failure", failurePath).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        runningHere.add(id);
        worker.execute(() -> run(id, work));
        return id;
    }

    public Optional<Job> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM background_job WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Job(rs.getLong("id"), rs.getString("kind"), rs.getLong("owner_account"),
                        Job.Status.valueOf(rs.getString("status")), rs.getString("step_key"), rs.getInt("step_number"),
                        rs.getInt("step_count"),
                        rs.getString("result_path"), rs.getString("failure_path"), rs.getString("error_code"),
                        rs.getString("error_message"),
                        rs.getObject("started_at", LocalDateTime.class), rs.getObject("heartbeat_at", LocalDateTime.class),
                        rs.getObject("finished_at", LocalDateTime.class)))
                .findOne());
    }

    private void run(long id, Work work) {
        try {
            String resultPath = work.run((stepKey, number, count) -> jdbi.useHandle(h -> h.execute(
                    "UPDATE background_job SET step_key = ?, step_number = ?, step_count = ?, heartbeat_at = ? WHERE id = ?",
                    stepKey, number, count, LocalDateTime.now(clock), id)));
            finish(id, "DONE", resultPath, null, null);
        } catch (ConflictException e) {
            finish(id, "FAILED", null, e.code(), e.getMessage());
        } catch (Exception e) {
            LOG.error("background job {} failed: {}", id, org.residencymatch.ops.Failures.describe(e),
                    org.residencymatch.ops.Failures.redacted(e));
            finish(id, "FAILED", null, "INTERNAL", "something went wrong on our side; the error was logged");
        } finally {
            runningHere.remove(id);
        }
    }

    private void finish(long id, String status, String resultPath, String errorCode, String errorMessage) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbi.useHandle(h -> h.execute("UPDATE background_job SET status = ?, result_path = ?, error_code = ?, error_message = ?, "
                + "heartbeat_at = ?, finished_at = ? WHERE id = ?", status, resultPath, errorCode,
                errorMessage == null ? null : errorMessage.substring(0, Math.min(errorMessage.length(), 1000)), now, now, id));
    }

    /** Tells watchers on any instance that this instance's jobs are alive (a single statement may run for seconds). */
    private void beat() {
        if (runningHere.isEmpty()) return;
        try {
            LocalDateTime now = LocalDateTime.now(clock);
            jdbi.useHandle(h -> {
                for (long id : runningHere)
                    h.execute("UPDATE background_job SET heartbeat_at = ? WHERE id = ? AND status = 'RUNNING'", now, id);
            });
        } catch (RuntimeException e) {
            LOG.warn("job heartbeat failed: {}", org.residencymatch.ops.Failures.describe(e));
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        worker.shutdownNow();
    }
}
