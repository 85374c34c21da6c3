package dev.picotool.device;

import dev.picotool.ExitCode;

/**
 * A request from outside (Ctrl-C, SIGTERM) to stop a board operation at its next safe point. The operation decides
 * what "safe" means: a flash never stops between the commit of a new firmware set and its switch, and stopping user
 * code sends the board a Ctrl-C. Set from a signal-handling thread, read by the thread talking to the board.
 */
public final class Cancellation {
    private volatile ExitCode code;
    private volatile String what;

    /** Asks the operation to stop; {@code what} names the cause for messages ("Ctrl-C", "SIGTERM"). */
    public void cancel(ExitCode exitCode, String cause) {
        if (code == null) {
            what = cause;
            code = exitCode;
        }
    }

    public boolean requested() {
        return code != null;
    }

    /** The exception that ends the operation, saying what state the board is in. */
    public DeviceInterruptedException stopped(String outcome) {
        return new DeviceInterruptedException(code == null ? ExitCode.INTERRUPTED : code,
                "interrupted (" + (what == null ? "Ctrl-C" : what) + "): " + outcome);
    }

    /** Throws {@link #stopped} if the operation should stop now. */
    public void checkpoint(String outcome) {
        if (requested()) {
            throw stopped(outcome);
        }
    }
}
