package dev.picotool.device;

import dev.picotool.board.Boards;

/** One serial port the OS lists. USB ids are -1 when unknown (ptys, built-in UARTs). */
public record PortInfo(String path, String description, int vendorId, int productId, String serialNumber) {
    /** A board running MicroPython, by the USB ids in the board data (pinouts/*.json "usb"). */
    public boolean isMicroPythonPico() {
        return Boards.isMicroPythonUsb(vendorId, productId);
    }

    /** A device of the boards' maker (another firmware, or BOOTSEL mode). */
    public boolean isRaspberryPi() {
        return Boards.isBoardVendor(vendorId);
    }

    /** "2E8A:0005", or "-" without USB ids. */
    public String usbId() {
        return vendorId < 0 ? "-" : String.format("%04X:%04X", vendorId, productId);
    }

    public String summary() {
        return path + " (" + description + ", USB " + usbId() + ")";
    }
}
