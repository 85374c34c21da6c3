package dev.picotool.cli;

import dev.picotool.device.Cancellation;
import dev.picotool.device.DeviceInterruptedException;
import dev.picotool.device.RawRepl;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * Runs one utility in the raw REPL and then restarts main.py, so looking at a board never leaves it idle at a
 * prompt (mpremote leaves it stopped): also after a failure, and after Ctrl-C/SIGTERM, which stop the utility (code
 * running on the board gets a Ctrl-C) and end the command with 130/143.
 */
final class BoardSession {
    private BoardSession() {
    }

    static <T> T run(PicoTool root, PortOptions port, PrintWriter err, Function<RawRepl, T> work) {
        Services s = root.services();
        String path = port.resolve(s.devices());
        Cancellation cancellation = new Cancellation();
        try (Interrupts.Guard guard = root.interrupts().guard(cancellation, err);
             RawRepl repl = s.devices().connect(path, s.timings())) {
            repl.watch(cancellation);
            T result;
            try {
                repl.enterRaw();
                result = work.apply(repl);
            } catch (DeviceInterruptedException e) {
                throw cancellation.stopped(restartQuietly(repl) ? "the board's program was stopped and main.py "
                        + "runs again" : "the board was left stopped at its prompt: `picotool device reset` starts "
                        + "main.py");
            } catch (RuntimeException e) {
                restartQuietly(repl);
                throw e;
            }
            repl.restartMain();
            return result;
        }
    }

    /** After a failure the original error is what matters; a board that also fails to restart adds nothing. */
    private static boolean restartQuietly(RawRepl repl) {
        return repl.shielded(() -> {
            try {
                repl.restartMain();
                return true;
            } catch (RuntimeException ignored) {
                return false; // reported through the original exception
            }
        });
    }
}
