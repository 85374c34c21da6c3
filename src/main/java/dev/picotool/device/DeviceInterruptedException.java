package dev.picotool.device;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;

/** The user stopped picotool (Ctrl-C, SIGTERM) and the board operation ended at a safe point; says how it ended. */
public class DeviceInterruptedException extends PicoToolException {
    DeviceInterruptedException(ExitCode code, String message) {
        super(code, message, "");
    }
}
