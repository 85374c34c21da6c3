package dev.picotool.device;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;

/** A board or serial-port problem (exit code 4), with what the user can do about it. */
public class DeviceException extends PicoToolException {
    public DeviceException(String message, String hint) {
        super(ExitCode.DEVICE, message, hint);
    }

    public DeviceException(String message, String hint, Throwable cause) {
        super(ExitCode.DEVICE, message, hint, cause);
    }
}
