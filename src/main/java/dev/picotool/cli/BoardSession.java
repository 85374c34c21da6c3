package dev.picotool.cli;

import dev.picotool.device.DeviceException;
import dev.picotool.device.RawRepl;
import java.util.function.Function;

/**
 * Runs one utility in the raw REPL and then restarts main.py, so looking at a board never leaves it idle at a
 * prompt (mpremote leaves it stopped).
 */
final class BoardSession {
    private BoardSession() {
    }

    static <T> T run(PicoTool root, PortOptions port, Function<RawRepl, T> work) {
        Services s = root.services();
        try (RawRepl repl = s.devices().connect(port.resolve(s.devices()), s.timings())) {
            repl.enterRaw();
            T result;
            try {
                result = work.apply(repl);
            } catch (DeviceException e) {
                restartQuietly(repl);
                throw e;
            }
            repl.restartMain();
            return result;
        }
    }

    /** After a failure the original error is what matters; a board that also fails to restart adds nothing. */
    private static void restartQuietly(RawRepl repl) {
        try {
            repl.restartMain();
        } catch (DeviceException ignored) {
            // reported through the original exception
        }
    }
}
