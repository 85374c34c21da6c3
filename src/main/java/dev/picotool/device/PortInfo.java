package dev.picotool.device;

/** One serial port the OS lists. USB ids are -1 when unknown (ptys, built-in UARTs). */
public record PortInfo(String path, String description, int vendorId, int productId, String serialNumber) {
    /** Raspberry Pi's USB vendor id, and the product id MicroPython's rp2 port uses for a Pico / Pico W. */
    public static final int RASPBERRY_PI_VID = 0x2E8A;
    public static final int MICROPYTHON_RP2_PID = 0x0005;

    public boolean isMicroPythonPico() {
        return vendorId == RASPBERRY_PI_VID && productId == MICROPYTHON_RP2_PID;
    }

    public boolean isRaspberryPi() {
        return vendorId == RASPBERRY_PI_VID;
    }

    /** "2E8A:0005", or "-" without USB ids. */
    public String usbId() {
        return vendorId < 0 ? "-" : String.format("%04X:%04X", vendorId, productId);
    }

    public String summary() {
        return path + " (" + description + ", USB " + usbId() + ")";
    }
}
