package dev.picotool.doctor;

import dev.picotool.board.DetectedBoard;
import java.util.Optional;

/** Asks the board on a port what it runs, and leaves it running; throws DeviceException when it cannot. */
@FunctionalInterface
interface BoardAsker {
    /** What the board said: its MicroPython and the picotool firmware version on it, if any. */
    record Answer(DetectedBoard board, Optional<String> firmwareVersion) {
    }

    Answer ask(String port);
}
