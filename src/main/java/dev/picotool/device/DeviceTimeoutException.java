package dev.picotool.device;

/** The board did not give the answer we waited for in time. */
class DeviceTimeoutException extends DeviceException {
    public DeviceTimeoutException(String message, String hint) {
        super(message, hint);
    }
}
