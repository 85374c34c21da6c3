package dev.picotool;

/**
 * Base of every expected failure: it carries what went wrong, what the user can do about it, and the exit code.
 * Only the cli package turns it into output; everything else just throws it.
 * Messages never contain secrets: callers build them from names and public values only.
 */
public class PicoToolException extends RuntimeException {
    private final String hint;
    private final ExitCode exitCode;

    public PicoToolException(ExitCode exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    public PicoToolException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint == null ? "" : hint;
    }

    /** What the user can do about it; empty when there is nothing useful to say. */
    public String hint() {
        return hint;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
