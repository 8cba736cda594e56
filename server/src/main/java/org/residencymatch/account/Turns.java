package org.residencymatch.account;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** At most a fixed number of costly computations at once, first come first served; one that waits too long is refused. */
final class Turns {

    private final Semaphore turns;
    private final Duration wait;

    Turns(int atOnce, Duration wait) {
        this.turns = new Semaphore(Math.max(1, atOnce), true);
        this.wait = wait;
    }

    /** @throws Passwords.Busy when no turn came within the wait */
    <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Passwords.Busy();
        }
        if (!acquired) throw new Passwords.Busy();
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
