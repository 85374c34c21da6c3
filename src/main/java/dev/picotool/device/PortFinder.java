package dev.picotool.device;

import dev.picotool.board.Boards;
import java.util.List;
import java.util.stream.Collectors;

/** Resolves {@code --port auto} (the default) to the one Pico running MicroPython, or explains why it cannot. */
public final class PortFinder {
    public static final String AUTO = "auto";

    private final PortEnumerator ports;

    public PortFinder(PortEnumerator ports) {
        this.ports = ports;
    }

    /** The port to open: {@code spec} itself unless it is "auto" (or empty). */
    public String resolve(String spec) {
        if (spec != null && !spec.isBlank() && !spec.equalsIgnoreCase(AUTO)) {
            return spec;
        }
        List<PortInfo> all = ports.list();
        List<PortInfo> picos = all.stream().filter(PortInfo::isMicroPythonPico).toList();
        if (picos.size() == 1) {
            return picos.get(0).path();
        }
        if (picos.size() > 1) {
            throw new DeviceException("found " + picos.size() + " Picos running MicroPython: "
                    + picos.stream().map(p -> p.path() + serial(p)).collect(Collectors.joining(", ")),
                    "say which one with --port, e.g. --port " + picos.get(0).path());
        }
        List<PortInfo> otherPi = all.stream().filter(PortInfo::isRaspberryPi).toList();
        String seen = all.isEmpty() ? "no serial ports at all"
                : "only " + all.stream().map(PortInfo::summary).collect(Collectors.joining(", "));
        String hint = "is it plugged in with a data cable (some USB cables carry only power)? In BOOTSEL mode it "
                + "shows up as a USB drive named " + Boards.bootselDrives() + ": install MicroPython first (copy "
                + "the board's MicroPython .uf2 onto it). "
                + "On Linux, `ls /dev/ttyACM*` shows the port; pass it with --port";
        if (!otherPi.isEmpty()) {
            hint = otherPi.get(0).path() + " is a Raspberry Pi device (USB " + otherPi.get(0).usbId() + ") but not "
                    + "MicroPython's: if it runs MicroPython under another USB id, pass --port "
                    + otherPi.get(0).path() + "; otherwise install MicroPython on it";
        }
        throw new DeviceException("no Pico running MicroPython found (USB " + Boards.usbIds() + "); saw " + seen, hint);
    }

    private static String serial(PortInfo p) {
        return p.serialNumber() == null || p.serialNumber().isBlank() || p.serialNumber().equals("Unknown") ? ""
                : " (serial " + p.serialNumber() + ")";
    }
}
