package dev.picotool.device;

/** What one piece of code printed on the board: its stdout, and its stderr (the traceback, empty on success). */
public record ExecResult(String stdout, String stderr) {
    public boolean failed() {
        return !stderr.isEmpty();
    }

    /** The stdout, or a {@link DeviceExecException} naming {@code purpose} and the device's last error line. */
    public String orThrow(String purpose) {
        if (failed()) {
            throw new DeviceExecException(purpose, stderr, stdout);
        }
        return stdout;
    }
}
