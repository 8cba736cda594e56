package org.residencymatch.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.residencymatch.ConflictException;
import org.residencymatch.store.Database;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;
import org.residencymatch.store.TestDatabase;

@DatabaseTest
class JobsTest {

    private final MutableClock clock = new MutableClock(LocalDateTime.of(2025, 1, 20, 12, 0));
    private final Database database = TestDatabase.fresh();
    private final Jobs jobs = new Jobs(database.jdbi(), clock);

    @AfterEach
    void tearDown() {
        jobs.close();
        database.close();
    }

    @Test
    void aJobReportsItsStepsThenItsResult() throws Exception {
        CountDownLatch atStepTwo = new CountDownLatch(1), goOn = new CountDownLatch(1);
        long id = jobs.start("list.commit", 7, "/back", progress -> {
            progress.step("job.step.listVersion", 1, 5);
            progress.step("job.step.listRead", 2, 5);
            atStepTwo.countDown();
            assertThat(goOn.await(10, TimeUnit.SECONDS)).isTrue();
            return "/result";
        });
        assertThat(atStepTwo.await(10, TimeUnit.SECONDS)).isTrue();

        Job running = jobs.find(id).orElseThrow();
        assertThat(running.status()).isEqualTo(Job.Status.RUNNING);
        assertThat(running.running(LocalDateTime.now(clock))).isTrue();
        assertThat(running).extracting(Job::kind, Job::ownerAccount, Job::stepKey, Job::stepNumber, Job::stepCount)
                .containsExactly("list.commit", 7L, "job.step.listRead", 2, 5);

        goOn.countDown();
        Job done = await(id, j -> j.status() != Job.Status.RUNNING);
        assertThat(done.status()).isEqualTo(Job.Status.DONE);
        assertThat(done.resultPath()).isEqualTo("/result");
        assertThat(done.finishedAt()).isNotNull();
    }

    @Test
    void aRefusalEndsTheJobWithItsCodeAndAnUnexpectedErrorWithoutItsDetails() throws Exception {
        long refused = jobs.start("list.commit", 7, "/back", progress -> {
            throw new ConflictException("REVIEW_PENDING", "2 row(s) await review");
        });
        long broken = jobs.start("list.commit", 7, "/back", progress -> {
            throw new IllegalStateException("a detail the person must not see");
        });

        assertThat(await(refused, j -> j.status() != Job.Status.RUNNING))
                .extracting(Job::status, Job::errorCode, Job::errorMessage, Job::failurePath)
                .containsExactly(Job.Status.FAILED, "REVIEW_PENDING", "2 row(s) await review", "/back");
        Job failed = await(broken, j -> j.status() != Job.Status.RUNNING);
        assertThat(failed.errorCode()).isEqualTo("INTERNAL");
        assertThat(failed.errorMessage()).doesNotContain("detail");
    }

    @Test
    void aJobWhoseHeartbeatStoppedShowsAsInterrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1), goOn = new CountDownLatch(1);
        long id = jobs.start("list.commit", 7, "/back", progress -> {
            started.countDown();
            goOn.await(10, TimeUnit.SECONDS);
            return "/result";
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Job job = jobs.find(id).orElseThrow();

        // As another instance sees it when this one died: no heartbeat for longer than allowed.
        LocalDateTime later = job.heartbeatAt().plus(Job.HEARTBEAT_LOST).plusSeconds(1);
        assertThat(job.interrupted(later)).isTrue();
        assertThat(job.running(later)).isFalse();
        assertThat(job.interrupted(job.heartbeatAt().plusSeconds(5))).isFalse();
        goOn.countDown();
        assertThat(await(id, j -> j.status() != Job.Status.RUNNING).interrupted(later)).as("a finished job is not interrupted").isFalse();
    }

    private Job await(long id, Predicate<Job> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Job job = jobs.find(id).orElseThrow();
            if (condition.test(job)) return job;
            Thread.sleep(20);
        }
        throw new AssertionError("job " + id + " did not get there: " + jobs.find(id));
    }
}
