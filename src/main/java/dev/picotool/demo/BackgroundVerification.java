package dev.picotool.demo;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.verify.BrokerConnection;
import dev.picotool.verify.Verifier;
import dev.picotool.verify.VerifyListener;
import dev.picotool.verify.VerifyPlan;
import dev.picotool.verify.VerifyResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A verification on its own thread, started before the board is flashed: subscribed by the time the new firmware
 * starts, it counts the board's very first readings (a verifier that connects after the board reported itself
 * connected is too late for them). Stopped by {@link #close} when the run ends early.
 */
final class BackgroundVerification implements AutoCloseable {
    private final Thread thread;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private volatile VerifyResult result;
    private volatile RuntimeException failure;

    private BackgroundVerification(BrokerConnection conn, VerifyPlan plan, VerifyListener listener) {
        VerifyListener noting = listener.and(new VerifyListener() {
            @Override
            public void connected(String broker, List<String> topics) {
                subscribed.countDown();
            }
        });
        thread = new Thread(() -> {
            try {
                result = new Verifier().run(conn, plan, noting);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                subscribed.countDown();
            }
        }, "picotool-verify");
        thread.setDaemon(true);
    }

    static BackgroundVerification start(BrokerConnection conn, VerifyPlan plan, VerifyListener listener) {
        BackgroundVerification v = new BackgroundVerification(conn, plan, listener);
        v.thread.start();
        return v;
    }

    /** Waits (up to {@code within}) until the verifier has subscribed, or failed to. */
    void awaitSubscribed(Duration within) {
        try {
            subscribed.await(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean done() {
        return !thread.isAlive();
    }

    /** The verdict, once every topic had its readings or the plan's time ran out. */
    VerifyResult await() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PicoToolException(ExitCode.INTERRUPTED, "interrupted while verifying", "");
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    /**
     * The verdict now: a verification still waiting for readings is stopped (the Verifier ends its run on an
     * interrupt as at its deadline, judging what it has) and judged.
     */
    VerifyResult finishNow() {
        thread.interrupt();
        return await();
    }

    /** Stops a verification still running (the board never connected): its verdict is not wanted. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
