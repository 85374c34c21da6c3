package dev.picotool.device;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds a blocking write. jSerialComm has no write timeout on Linux (its native write loops on EAGAIN, and a board
 * that stopped reading blocks it for ever); closing the port from another thread is what unblocks it. One daemon
 * thread serves every link.
 */
final class WriteWatchdog {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "picotool-write-watchdog");
        t.setDaemon(true);
        return t;
    });

    private WriteWatchdog() {
    }

    /** A guard that runs {@code onTimeout} (which must unblock the write) unless cancelled within {@code limit}. */
    static Guard arm(Duration limit, Runnable onTimeout) {
        Guard g = new Guard();
        g.future = TIMER.schedule(() -> {
            g.fired = true;
            onTimeout.run();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        return g;
    }

    static final class Guard implements AutoCloseable {
        private ScheduledFuture<?> future;
        private volatile boolean fired;

        boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            future.cancel(false);
        }
    }
}
