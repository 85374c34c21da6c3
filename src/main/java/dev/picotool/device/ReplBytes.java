package dev.picotool.device;

import java.nio.charset.StandardCharsets;

/**
 * Every byte and marker of MicroPython's REPL protocol that picotool sends or waits for
 * (shared/runtime/pyexec.c; see the serial-protocol reference, sections 1 and 2).
 */
final class ReplBytes {
    private ReplBytes() {
    }

    static final byte CTRL_A = 0x01;
    static final byte CTRL_B = 0x02;
    static final byte CTRL_C = 0x03;
    static final byte CTRL_D = 0x04;
    static final byte CTRL_E = 0x05;
    static final byte CR = '\r';

    /** Ends a friendly-REPL half line so the next control byte counts (they only act on an empty line). */
    static final byte[] INTERRUPT = {CR, CTRL_C};
    static final byte[] ENTER_RAW = {CR, CTRL_A};
    static final byte[] EXIT_RAW = {CR, CTRL_B};
    static final byte[] SOFT_RESET = {CTRL_D};
    static final byte[] END_OF_INPUT = {CTRL_D};
    /** Ctrl-E, 'A', Ctrl-A at the raw prompt: "may I stream with flow control?". */
    static final byte[] RAW_PASTE_REQUEST = {CTRL_E, 'A', CTRL_A};

    /** Device framing byte after stdout, after stderr, and the raw-paste end-of-data acknowledgement. */
    static final byte EOT = CTRL_D;
    /** In raw-paste, the device's "one more window is free" credit. */
    static final byte WINDOW_CREDIT = CTRL_A;
    static final byte RAW_PASTE_YES = 1;
    static final byte RAW_PASTE_NO = 0;
    static final byte RAW_PASTE_ANSWER = 'R';

    static final byte[] RAW_BANNER = ascii("raw REPL; CTRL-B to exit\r\n");
    static final byte[] RAW_PROMPT = ascii(">");
    static final byte[] RAW_BANNER_AND_PROMPT = ascii("raw REPL; CTRL-B to exit\r\n>");
    /**
     * What is left of the raw banner after a firmware without raw-paste took our Ctrl-A as "re-print the banner"
     * and we already consumed its first two bytes "ra".
     */
    static final byte[] RAW_BANNER_REST = ascii("w REPL; CTRL-B to exit\r\n>");
    static final byte[] FRIENDLY_PROMPT = ascii(">>> ");
    static final byte[] OK = ascii("OK");
    /** rp2 prints "MPY: soft reboot", older ports "PYB: soft reboot": match the common suffix. */
    static final byte[] SOFT_REBOOT = ascii("soft reboot\r\n");

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
