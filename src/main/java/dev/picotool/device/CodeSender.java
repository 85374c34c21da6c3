package dev.picotool.device;

import java.util.Arrays;
import java.util.Optional;

/**
 * Hands code to the raw REPL, in one of its two ways, and remembers what the board supports.
 *
 * <p>Short code goes in plain raw mode: the whole source, then Ctrl-D, then the board's "OK". On a Pico the USB CDC
 * link has flow control end to end (TinyUSB leaves bytes in its FIFO, and the host's write waits, while MicroPython's
 * stdin ring buffer is full: shared/tinyusb/mp_usbd_cdc.c, tud_cdc_rx_cb), so nothing needs pacing, and the board
 * takes the code at the link's speed. Raw-paste (serial-protocol.md section 2) waits for a credit per 128-byte window,
 * a round trip each: measured on rp2 firmware it carries code at about 16 KB/s against about 57 KB/s in plain raw
 * mode, and an empty exec costs 20-30 ms against 10-15 ms (issue 11; tool/bench/speed-bench shows the same on the
 * virtual Pico's cost model). Its one advantage is memory: the board compiles the code as it streams in instead of
 * holding the whole source first, so code longer than {@link #PLAIN_MAX} goes that way.
 *
 * <p>A board that refuses raw-paste gets the long code in classic mode after all, paced as mpremote paces it
 * (256 bytes, then a pause): without raw-paste it may be an old firmware on a link without flow control.
 */
final class CodeSender {
    /** Longest code sent in plain raw mode: the board holds it whole in RAM before compiling it. */
    static final int PLAIN_MAX = 4096;
    private static final int CLASSIC_BLOCK = 256;

    private final ReplTimings timings;
    /** null until a long exec asked; false once the board refused (remembered for the connection). */
    private Boolean rawPaste;
    /** Whether the last code sent reached the board whole (its end-of-input byte went out). */
    private boolean delivered;

    CodeSender(ReplTimings timings) {
        this.timings = timings;
    }

    Optional<Boolean> rawPasteSupported() {
        return Optional.ofNullable(rawPaste);
    }

    /**
     * Whether the code of the last exec reached the board whole. When not, the board never ran it (it waits for the
     * rest, or a later Ctrl-C discards it); when it did, the board runs it even if the link went right after.
     */
    boolean delivered() {
        return delivered;
    }

    /** Sends {@code code} at the raw prompt; returns once the board has taken it and runs it. */
    void send(LinkReader reader, byte[] code, Deadline deadline) {
        delivered = false;
        if (code.length > PLAIN_MAX && (rawPaste == null || rawPaste)) {
            SerialLink link = reader.link();
            link.write(ReplBytes.RAW_PASTE_REQUEST);
            byte[] reply = reader.readExactly(2, deadline.atMost(timings.answer()), "asking for raw-paste mode");
            if (reply[0] == ReplBytes.RAW_PASTE_ANSWER && reply[1] == ReplBytes.RAW_PASTE_YES) {
                rawPaste = true;
                boolean endedEarly = RawPaste.send(reader, code, deadline);
                delivered = !endedEarly;
                if (!endedEarly) {
                    RawPaste.awaitAck(reader, deadline);
                }
                return;
            }
            rawPaste = false;
            if (reply[0] == ReplBytes.RAW_PASTE_ANSWER && reply[1] == ReplBytes.RAW_PASTE_NO) {
                // Understood the request but not the sub-command: it prints a fresh raw prompt (mpremote leaves
                // this '>' unread and then fails on the next command).
                reader.readUntil(ReplBytes.RAW_PROMPT, deadline, "waiting for the raw prompt after raw-paste refusal");
            } else {
                // No raw-paste at all: our Ctrl-A re-printed the raw banner, whose first two bytes we just read.
                reader.readUntil(ReplBytes.RAW_BANNER_REST, deadline, "waiting for the raw banner");
            }
        }
        sendPlain(reader, code, deadline, code.length > PLAIN_MAX);
    }

    /** Plain raw mode: the whole source, Ctrl-D, then "OK"; long code on a board without raw-paste is paced. */
    private void sendPlain(LinkReader reader, byte[] code, Deadline deadline, boolean paced) {
        SerialLink link = reader.link();
        if (!paced) {
            link.write(code);
        } else {
            for (int i = 0; i < code.length; i += CLASSIC_BLOCK) {
                link.write(Arrays.copyOfRange(code, i, Math.min(code.length, i + CLASSIC_BLOCK)));
                if (!timings.classicPause().isZero() && i + CLASSIC_BLOCK < code.length) {
                    RawRepl.pause(timings.classicPause());
                }
            }
        }
        link.write(ReplBytes.END_OF_INPUT);
        delivered = true;
        byte[] ok = reader.readExactly(2, deadline, "waiting for the board to accept the code");
        if (!Arrays.equals(ok, ReplBytes.OK)) {
            throw new DeviceException("the board did not accept the code (it did not answer OK)",
                    "run `picotool device reset` and try again");
        }
    }
}
