package dev.picotool.doctor;

import dev.picotool.board.DetectedBoard;
import dev.picotool.device.BoardProbe;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.DeviceException;
import dev.picotool.device.RawRepl;
import dev.picotool.device.ReplTimings;
import java.util.Optional;

/** Asks over the raw REPL, then restarts main.py: looking at a board never leaves it stopped. */
final class SerialBoardAsker implements BoardAsker {
    private final DeviceAccess devices;
    private final ReplTimings timings;

    public SerialBoardAsker(DeviceAccess devices, ReplTimings timings) {
        this.devices = devices;
        this.timings = timings;
    }

    @Override
    public Answer ask(String port) {
        try (RawRepl repl = devices.connect(port, timings)) {
            repl.enterRaw();
            Answer a;
            try {
                DetectedBoard board = BoardProbe.identify(repl);
                Optional<String> firmware = BoardProbe.firmwareVersion(repl);
                a = new Answer(board, firmware);
            } catch (DeviceException e) {
                try {
                    repl.restartMain();
                } catch (DeviceException ignored) {
                    // the first problem is the one to report
                }
                throw e;
            }
            repl.restartMain();
            return a;
        }
    }
}
