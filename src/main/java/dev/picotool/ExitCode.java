package dev.picotool;

/**
 * The process exit codes, one per kind of outcome, so scripts and CI can tell them apart.
 * The table is printed in {@code picotool --help}.
 */
public enum ExitCode {
    OK(0, "success"),
    INTERNAL(1, "internal error (a bug: please report it)"),
    USAGE(2, "usage error (unknown option, missing argument)"),
    INVALID_CONFIG(3, "invalid configuration"),
    DEVICE(4, "device or serial port problem"),
    BROKER(5, "MQTT broker unreachable or refused the connection"),
    VERIFICATION_FAILED(6, "verification failed (readings missing, late or out of range)"),
    /** 128 + SIGINT, as shells report a program stopped by Ctrl-C. */
    INTERRUPTED(130, "interrupted (Ctrl-C); the board was left usable"),
    /** 128 + SIGTERM. */
    TERMINATED(143, "stopped by SIGTERM; the board was left usable");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
