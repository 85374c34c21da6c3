package dev.picotool.device;

import java.util.List;
import java.util.stream.Collectors;

/** Turns the ways opening a port fails into messages that say what to do. */
final class PortProblems {
    private PortProblems() {
    }

    static DeviceException missing(String path, PortEnumerator ports) {
        return new DeviceException("there is no serial port " + path, existing(ports)
                + "; leave out --port to find the Pico automatically");
    }

    static DeviceException openFailed(String path, int errno, PortEnumerator ports) {
        if (errno == 2 && path.startsWith("/") && !java.nio.file.Files.exists(java.nio.file.Path.of(path))) {
            return missing(path, ports);
        }
        if (errno == JSerialCommLink.EAGAIN || errno == 2) {
            // 11 = another process holds jSerialComm's flock; 2 (at jSerialComm's own check) = open in this JVM.
            return busy(path);
        }
        if (errno == JSerialCommLink.EACCES) {
            return new DeviceException("no permission to open " + path,
                    "add yourself to the dialout group: sudo usermod -aG dialout $USER, then log out and in");
        }
        return new DeviceException("cannot open " + path + " (error " + errno + ")", existing(ports));
    }

    static DeviceException busy(String path) {
        return new DeviceException(path + " is busy: another program holds it",
                "another program holds " + path + ": close Thonny, screen, minicom or another picotool; on Linux "
                        + "ModemManager may grab new boards: `sudo systemctl stop ModemManager`");
    }

    static DeviceException nativeLibrary(LinkageError e) {
        return new DeviceException("the serial-port library (jSerialComm) could not load its native part: "
                + e.getMessage(), "its temp directory may be unwritable or mounted noexec: run with "
                + "JAVA_TOOL_OPTIONS=\"-Djava.io.tmpdir=$HOME/.cache\" (a writable, exec-allowed directory), or "
                + "point -DjSerialComm.library.path=DIR at a directory holding libjSerialComm.so", e);
    }

    private static String existing(PortEnumerator ports) {
        List<PortInfo> list;
        try {
            list = ports.list();
        } catch (DeviceException e) {
            return "run `picotool ports` to see the ports that exist";
        }
        if (list.isEmpty()) {
            return "no serial ports exist right now: is the board plugged in with a data cable?";
        }
        return "ports that exist: " + list.stream().map(PortInfo::summary).collect(Collectors.joining(", "));
    }
}
