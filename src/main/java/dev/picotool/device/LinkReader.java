package dev.picotool.device;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * Buffered reading from a {@link SerialLink} with a deadline on every wait. Bytes that arrive beyond what a call
 * asked for stay buffered for the next call, so no reply byte is ever lost between protocol steps.
 */
final class LinkReader {
    private final SerialLink link;
    private byte[] buf = new byte[0];
    private int pos;

    LinkReader(SerialLink link) {
        this.link = link;
    }

    SerialLink link() {
        return link;
    }

    /** Reads through the next {@code marker}; returns the bytes before it. */
    byte[] readUntil(byte[] marker, Deadline deadline, String waitingFor) {
        byte[] before = tryReadUntil(marker, deadline);
        if (before == null) {
            throw timeout(waitingFor);
        }
        return before;
    }

    /** Like {@link #readUntil}, but null when the marker has not come by the deadline (nothing is consumed then). */
    byte[] tryReadUntil(byte[] marker, Deadline deadline) {
        while (true) {
            int at = indexOf(buf, marker, pos, buf.length);
            if (at >= 0) {
                byte[] before = Arrays.copyOfRange(buf, pos, at);
                pos = at + marker.length;
                return before;
            }
            if (!fill(deadline)) {
                return null;
            }
        }
    }

    /**
     * Waits for whichever marker shows up first and consumes through it; returns its index in {@code markers},
     * or -1 if none arrived by the deadline (then everything read so far stays consumed).
     */
    int awaitAny(Deadline deadline, byte[]... markers) {
        while (true) {
            int best = -1;
            int bestAt = Integer.MAX_VALUE;
            for (int i = 0; i < markers.length; i++) {
                int at = indexOf(buf, markers[i], pos, buf.length);
                if (at >= 0 && at < bestAt) {
                    best = i;
                    bestAt = at;
                }
            }
            if (best >= 0) {
                pos = bestAt + markers[best].length;
                return best;
            }
            if (!fill(deadline)) {
                // Keep a tail that could be the start of a marker split across reads.
                pos = Math.max(pos, buf.length - longest(markers) + 1);
                return -1;
            }
        }
    }

    byte[] readExactly(int n, Deadline deadline, String waitingFor) {
        while (buf.length - pos < n) {
            if (!fill(deadline)) {
                throw timeout(waitingFor);
            }
        }
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    int readByte(Deadline deadline, String waitingFor) {
        return readExactly(1, deadline, waitingFor)[0] & 0xff;
    }

    /** True if a byte is waiting (buffered or already arrived on the link); never blocks. */
    boolean hasInput() {
        if (pos < buf.length) {
            return true;
        }
        append(link.read(Duration.ZERO));
        return pos < buf.length;
    }

    /** Whatever is buffered, or what arrives within {@code timeout} (for streaming output to a person). */
    byte[] readAvailable(Duration timeout) {
        if (pos >= buf.length) {
            append(link.read(timeout));
        }
        byte[] out = Arrays.copyOfRange(buf, pos, buf.length);
        pos = buf.length;
        return out;
    }

    /** Keeps reading (and buffering) until the link reports the board gone: true, or the deadline passed: false. */
    boolean awaitDisconnect(Deadline deadline) {
        try {
            while (!deadline.expired()) {
                append(link.read(min(Duration.ofMillis(100), deadline.remaining())));
            }
            return false;
        } catch (BoardDisconnectedException gone) {
            return true;
        }
    }

    /** Throws away buffered bytes and whatever keeps arriving until the line has been quiet for {@code quiet}. */
    void drainUntilQuiet(Duration quiet, Deadline deadline) {
        pos = buf.length;
        while (!deadline.expired()) {
            byte[] got = link.read(min(quiet, deadline.remaining()));
            if (got.length == 0) {
                return;
            }
        }
    }

    private boolean fill(Deadline deadline) {
        while (!deadline.expired()) {
            byte[] got = link.read(deadline.remaining());
            if (got.length > 0) {
                append(got);
                return true;
            }
        }
        return false;
    }

    private void append(byte[] got) {
        if (got.length == 0) {
            return;
        }
        ByteArrayOutputStream merged = new ByteArrayOutputStream(buf.length - pos + got.length);
        merged.write(buf, pos, buf.length - pos);
        merged.write(got, 0, got.length);
        buf = merged.toByteArray();
        pos = 0;
    }

    DeviceTimeoutException timeout(String waitingFor) {
        return new DeviceTimeoutException("no answer from the board on " + link.description() + " while "
                + waitingFor, "the board may be busy or stuck: run `picotool device reset`, or unplug it and plug "
                + "it back in, then try again");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static int longest(byte[]... markers) {
        return Arrays.stream(markers).mapToInt(m -> m.length).max().orElse(1);
    }

    static int indexOf(byte[] hay, byte[] needle, int from, int to) {
        outer:
        for (int i = Math.max(0, from); i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
