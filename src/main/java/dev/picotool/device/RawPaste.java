package dev.picotool.device;

import java.util.Arrays;

/**
 * The sending half of raw-paste mode: stream code under the device's credit-based flow control. The device grants
 * a window of W bytes (128 on rp2) per {@code \x01}; it may also end the transfer early with {@code \x04} (e.g. a
 * SyntaxError while it compiles the stream), after which it ignores input until our own {@code \x04}.
 */
final class RawPaste {
    private RawPaste() {
    }

    /**
     * Sends {@code code} once the device said {@code R\x01}, ending with our end-of-data byte. Returns whether the
     * device stopped reading early (it then reports why on stderr); otherwise {@link #awaitAck} follows.
     */
    static boolean send(LinkReader reader, byte[] code, Deadline deadline) {
        byte[] header = reader.readExactly(2, deadline, "waiting for the raw-paste window size");
        int window = (header[0] & 0xff) | (header[1] & 0xff) << 8;
        if (window == 0) {
            throw new DeviceException("the board offered a raw-paste window of 0 bytes",
                    "this firmware is not supported; install current MicroPython on the board");
        }
        int remain = window;
        int sent = 0;
        while (sent < code.length) {
            while (remain == 0 || reader.hasInput()) {
                int b = reader.readByte(deadline, "waiting for the board to accept more code (raw-paste credit)");
                if (b == ReplBytes.WINDOW_CREDIT) {
                    remain += window;
                } else if (b == ReplBytes.EOT) {
                    // The device stopped reading early (it reports why on stderr next); it now discards input
                    // until it sees our end-of-data byte.
                    reader.link().write(ReplBytes.END_OF_INPUT);
                    return true;
                } else {
                    throw new DeviceException("the board sent an unexpected byte 0x" + Integer.toHexString(b)
                            + " during a raw-paste transfer", "run `picotool device reset` and try again");
                }
            }
            int n = Math.min(remain, code.length - sent);
            reader.link().write(Arrays.copyOfRange(code, sent, sent + n));
            sent += n;
            remain -= n;
        }
        reader.link().write(ReplBytes.END_OF_INPUT);
        return false;
    }

    /** Waits for the device's acknowledgement of our end-of-data byte: it has compiled the code and runs it. */
    static void awaitAck(LinkReader reader, Deadline deadline) {
        // Credits may still be in flight before the acknowledgement: readUntil skips them.
        byte[] before = reader.readUntil(new byte[] {ReplBytes.EOT}, deadline,
                "waiting for the board to acknowledge the end of the code");
        for (byte b : before) {
            if (b != ReplBytes.WINDOW_CREDIT) {
                throw new DeviceException("the board sent unexpected bytes before acknowledging the code",
                        "run `picotool device reset` and try again");
            }
        }
    }
}
