package org.residencymatch.web;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the memory that list uploads take at once: reading and parsing a file holds several copies
 * of it, so two 20 MB files at once ran a 512 MB heap out of memory. Each upload reserves its declared
 * size from a budget; one that cannot get its share within {@link #WAIT_SECONDS} is answered 503 with
 * {@code Retry-After}, and the memory stays for the uploads already running.
 */
final class UploadGate {

    static final int WAIT_SECONDS = 5;
    static final int RETRY_AFTER_SECONDS = 10;

    private final Semaphore budget;
    private final int budgetKiB;
    private final long waitMillis;

    /** @param budgetBytes the file bytes that may be in work at once (at least the largest file accepted) */
    UploadGate(long budgetBytes) {
        this(budgetBytes, WAIT_SECONDS * 1000L);
    }

    UploadGate(long budgetBytes, long waitMillis) {
        this.waitMillis = waitMillis;
        this.budgetKiB = (int) Math.min(Integer.MAX_VALUE, Math.max(1, budgetBytes / 1024));
        this.budget = new Semaphore(budgetKiB, true);
    }

    /** The budget for a heap of this size: a sixteenth of it, but at least one file of the largest size. */
    static UploadGate forHeap(long maxHeapBytes, long maxUploadBytes) {
        return new UploadGate(Math.max(maxUploadBytes, maxHeapBytes / 16));
    }

    /**
     * Runs an upload request's work with its share of the budget. A deferred upload's file is read to its end
     * (within the upload limit, which {@link BodyLimits} checked) and dropped before the 503, so that the client,
     * still sending it, reads the answer rather than a connection reset under it.
     */
    <T> T run(io.javalin.http.Context ctx, Callable<T> work) throws Exception {
        long declared = ctx.req().getContentLengthLong();
        return run(declared, work, () -> BodyLimits.drain(ctx, declared < 0 ? 0 : declared));
    }

    /** Runs the upload's work with its share of the budget (its declared size; unknown counts as the largest). */
    <T> T run(long declaredBytes, Callable<T> work) throws Exception {
        return run(declaredBytes, work, () -> {
        });
    }

    private <T> T run(long declaredBytes, Callable<T> work, Runnable beforeRefusal) throws Exception {
        int share = (int) Math.min(budgetKiB, declaredBytes < 0 ? budgetKiB : Math.max(1, declaredBytes / 1024));
        if (!budget.tryAcquire(share, waitMillis, TimeUnit.MILLISECONDS)) {
            beforeRefusal.run();
            throw new ApiException(503, "BUSY",
                    "the service is working on other large files just now; try again in " + RETRY_AFTER_SECONDS + " seconds");
        }
        try {
            return work.call();
        } finally {
            budget.release(share);
        }
    }
}
