package dev.picotool.device;

import java.time.Duration;

/** A point in (monotonic) time by which something must have happened. */
public record Deadline(long nanos) {
    public static Deadline in(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos());
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
    }

    public boolean expired() {
        return System.nanoTime() - nanos >= 0;
    }

    /** The earlier of this deadline and one {@code d} from now. */
    public Deadline atMost(Duration d) {
        long other = System.nanoTime() + d.toNanos();
        return other - nanos < 0 ? new Deadline(other) : this;
    }
}
