package dev.picotool.device;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns the ways opening a port fails into messages that say what to do. */
final class PortProblems {
    /** errno values of open(2) on a device node (Linux numbering, as jSerialComm reports them). */
    static final int ENXIO = 6;
    static final int EBUSY = 16;
    static final int ENODEV = 19;
    static final int ENOTTY = 25;

    private PortProblems() {
    }

    static DeviceException missing(String path, PortEnumerator ports) {
        return new DeviceException("there is no serial port " + path, existing(ports)
                + "; leave out --port to find the Pico automatically");
    }

    static DeviceException openFailed(String path, int errno, PortEnumerator ports) {
        Optional<Path> file = localPath(path);
        if (file.isPresent() && !Files.exists(file.get())) {
            return missing(path, ports);
        }
        if (file.isPresent() && Files.isDirectory(file.get())) {
            return notAPort(path, "a directory", ports);
        }
        if (file.isPresent() && Files.isRegularFile(file.get())) {
            return notAPort(path, "a regular file", ports);
        }
        if (errno == JSerialCommLink.EAGAIN || errno == 2) {
            // 11 = another process holds jSerialComm's flock; 2 (at jSerialComm's own check) = open in this JVM.
            return busy(path);
        }
        if (errno == JSerialCommLink.EACCES) {
            return new DeviceException("no permission to open " + path,
                    "add yourself to the dialout group: sudo usermod -aG dialout $USER, then log out and in");
        }
        if (errno == ENOTTY) {
            return notAPort(path, "a device of another kind (a terminal, a disk, /dev/null)", ports);
        }
        if (errno == ENXIO || errno == ENODEV) {
            return new DeviceException("no device answers behind " + path + " (it was unplugged?)",
                    "plug the board in again; " + existing(ports));
        }
        if (errno == EBUSY) {
            return busy(path);
        }
        return new DeviceException("cannot open " + path + " (system error " + errno + ")", existing(ports));
    }

    private static DeviceException notAPort(String path, String what, PortEnumerator ports) {
        return new DeviceException(path + " is " + what + ", not a serial port", existing(ports));
    }

    /** The port as a file of this computer, when it names one (COM5 on Windows does not). */
    private static Optional<Path> localPath(String path) {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(path));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
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
