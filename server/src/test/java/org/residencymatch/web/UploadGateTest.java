package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UploadGateTest {

    static final long MIB = 1024 * 1024;

    @Test
    void aLargeUploadWaitsForTheBudgetAndIsAnsweredBusyWhenItDoesNotFree() throws Exception {
        UploadGate gate = new UploadGate(21 * MIB, 200);
        CountDownLatch running = new CountDownLatch(1), finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> gate.run(20 * MIB, () -> {
                running.countDown();
                finish.await();
                return "first";
            }));
            running.await();
            assertThat(gate.run(1024 * 1024, () -> "a small file fits beside it")).isEqualTo("a small file fits beside it");
            assertThatThrownBy(() -> gate.run(20 * MIB, () -> "second")).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(503));
            assertThatThrownBy(() -> gate.run(-1, () -> "unknown size")).as("an unknown size counts as the largest")
                    .isInstanceOf(ApiException.class);
            finish.countDown();
            assertThat(first.get()).isEqualTo("first");
            assertThat(gate.run(20 * MIB, () -> "second, later")).isEqualTo("second, later");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theBudgetIsASixteenthOfTheHeapButAtLeastOneFile() throws Exception {
        // 512 MiB: 32 MiB, one 20 MiB file at a time.
        UploadGate small = UploadGate.forHeap(512 * MIB, 21 * MIB);
        CountDownLatch running = new CountDownLatch(1), finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> small.run(20 * MIB, () -> {
                running.countDown();
                finish.await();
                return null;
            }));
            running.await();
            assertThatThrownBy(() -> small.run(20 * MIB, () -> null)).isInstanceOf(ApiException.class);
            finish.countDown();
        } finally {
            pool.shutdownNow();
        }
    }
}
