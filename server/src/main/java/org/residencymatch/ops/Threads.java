package org.residencymatch.ops;

import java.util.concurrent.ThreadFactory;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The threads this process makes for itself, made one way: daemon threads with a name (so a thread
 * dump says whose they are, and none keeps the JVM alive at exit); and the one rule for spreading
 * independent pieces of work over the cores.
 */
public final class Threads {

    private Threads() {
    }

    /** Makes daemon threads called {@code name}. */
    public static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs {@code action} for 0 .. count - 1, spread over the cores from {@code parallelFrom} on (below
     * that, the hand-over costs more than it saves). The actions must be independent.
     */
    public static void forEachIndex(int count, int parallelFrom, IntConsumer action) {
        IntStream range = IntStream.range(0, count);
        (count >= parallelFrom ? range.parallel() : range).forEach(action);
    }
}
