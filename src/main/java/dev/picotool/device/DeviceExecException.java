package dev.picotool.device;

import java.util.Optional;

/**
 * Code we ran on the board raised an exception. Carries only the device's last traceback line (e.g.
 * {@code OSError: [Errno 2] ENOENT}) and its errno name, never the code we sent: that may hold file contents,
 * and settings.py holds the Wi-Fi password.
 */
public class DeviceExecException extends DeviceException {
    private final String lastLine;
    private final String errnoName;
    private final String stdout;

    public DeviceExecException(String purpose, String stderr, String stdout) {
        this(purpose, lastLine(stderr), stdout, defaultHint(lastLine(stderr)));
    }

    private DeviceExecException(String purpose, String lastLine, String stdout, String hint) {
        super(purpose + " failed on the board: " + Errno.explain(lastLine), hint);
        this.lastLine = lastLine;
        this.errnoName = Errno.of(lastLine).orElse(null);
        this.stdout = stdout;
    }

    /** The device's last traceback line, e.g. {@code OSError: [Errno 28] ENOSPC}. */
    public String lastLine() {
        return lastLine;
    }

    /** ENOENT, ENOSPC... when the error was an OSError. */
    public Optional<String> errnoName() {
        return Optional.ofNullable(errnoName);
    }

    /** What the code printed before it failed (for `picotool device exec`, whose output the user asked for). */
    public String stdout() {
        return stdout;
    }

    public boolean isErrno(String name) {
        return name.equals(errnoName);
    }

    static String lastLine(String stderr) {
        String last = "";
        for (String line : stderr.split("\r?\n")) {
            if (!line.isBlank()) {
                last = line.strip();
            }
        }
        return last.isEmpty() ? "(no error text)" : last;
    }

    private static String defaultHint(String lastLine) {
        java.util.Optional<String> known = Errno.hint(lastLine);
        if (known.isPresent()) {
            return known.get();
        }
        if (lastLine.startsWith("MemoryError")) {
            return "the board ran out of RAM: reset it (`picotool device reset`) and try again";
        }
        return "run `picotool device reset` and try again; if it keeps failing, report it with this line";
    }
}
