package dev.picotool.device;

import dev.picotool.board.DetectedBoard;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions for a board in the raw REPL that {@code doctor}, {@code install-micropython} and {@code bootloader} ask:
 * what it is, which picotool firmware it holds, and going to BOOTSEL mode. The caller enters the raw REPL first.
 */
public final class BoardProbe {
    /**
     * Prints the {@code FIRMWARE_VERSION} line of the board's settings.py (templates/settings.py.ftl writes it), or
     * "-". Only that line: the file also holds the Wi-Fi password. Checked with the real MicroPython compiler.
     */
    static final String FIRMWARE_VERSION_CODE = String.join("\n",
            "_v = '-'",
            "try:",
            "    _f = open('settings.py')",
            "except OSError:",
            "    _f = None",
            "if _f:",
            "    for _l in _f:",
            "        if _l.startswith('FIRMWARE_VERSION'):",
            "            _v = _l.strip()",
            "            break",
            "    _f.close()",
            "print(_v[:80])",
            "");
    /** machine.bootloader() never returns: USB drops and the bootrom's drive appears (as mpremote's bootloader). */
    static final String BOOTLOADER_CODE = "import machine, time\ntime.sleep_ms(50)\nmachine.bootloader()\n";
    private static final Pattern VERSION_LINE = Pattern.compile("FIRMWARE_VERSION = '([0-9A-Za-z.+-]{1,40})'");

    private BoardProbe() {
    }

    /** The board's id, MicroPython version, machine and build. */
    public static DetectedBoard identify(RawRepl repl) {
        return BoardQuery.read(repl);
    }

    /** The version of the picotool firmware on the board; empty when there is none (no settings.py of ours). */
    public static Optional<String> firmwareVersion(RawRepl repl) {
        return parseFirmwareVersion(repl.exec(FIRMWARE_VERSION_CODE, "reading the firmware version"));
    }

    static Optional<String> parseFirmwareVersion(String output) {
        Matcher m = VERSION_LINE.matcher(output.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Sends the board to BOOTSEL mode; returns once its port went away, which is the sign it went. */
    public static void bootloader(RawRepl repl, Duration within) {
        try {
            ExecResult r = repl.run(BOOTLOADER_CODE, within);
            throw new DeviceException("the board did not go to BOOTSEL mode: " + r.stderr().strip(),
                    "press its BOOTSEL button while plugging it in instead");
        } catch (BoardDisconnectedException gone) {
            // what we wanted: the serial device is gone, the bootrom's drive comes instead
        } catch (DeviceTimeoutException stayed) {
            throw new DeviceException("the board's port stayed after machine.bootloader()", "is this a board "
                    + "behind a network bridge (socket://)? Press BOOTSEL while plugging it in instead", stayed);
        }
    }
}
