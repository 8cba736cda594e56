package org.residencymatch.engine.algorithm;

/**
 * The wall-clock limit of a run: strategies look at it every few thousand proposals and stop when
 * it has passed. Only the time budget reads the clock; everything else a run decides is a function
 * of the instance and the seed.
 */
final class Budget {

    private final long deadlineNanos;
    private boolean exhausted;

    private Budget(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** A budget of {@code millis} from now; {@code millis <= 0} means none. */
    static Budget ofMillis(long millis) {
        return new Budget(millis <= 0 ? Long.MAX_VALUE : System.nanoTime() + millis * 1_000_000L);
    }

    /** Whether the deadline has passed (once it has, it stays passed). */
    boolean exhausted() {
        if (!exhausted && deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos >= 0) {
            exhausted = true;
        }
        return exhausted;
    }
}
