package dev.picotool.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition, polling, until a deadline: the tests' replacement for sleeping. */
public final class Deadline {
    private static final long POLL_MS = 10;

    private Deadline() {
    }

    public static void await(Duration limit, BooleanSupplier condition, Supplier<String> what) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what.get());
            }
            try {
                Thread.sleep(POLL_MS); // a poll interval, not a wait for something: the condition decides
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what.get());
            }
        }
    }
}
