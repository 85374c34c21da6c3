package dev.picotool.device;

import java.time.Duration;

/** Opens a {@link SerialLink} for a port name: a device path, a pty, or {@code socket://host:port}. */
public final class SerialLinks {
    /** How long a single write may block before we decide the board stopped reading. */
    public static final Duration WRITE_LIMIT = Duration.ofSeconds(5);

    private SerialLinks() {
    }

    /** Checks how a port is written before anything is opened: a bad {@code socket://} address is a usage error. */
    public static void check(String port) {
        if (port.startsWith(TcpLink.SCHEME)) {
            TcpLink.address(port);
        }
    }

    public static SerialLink open(String port) {
        return open(port, PortEnumerator.system());
    }

    public static SerialLink open(String port, PortEnumerator ports) {
        if (port.startsWith(TcpLink.SCHEME)) {
            return TcpLink.open(port, WRITE_LIMIT);
        }
        try {
            return JSerialCommLink.open(port, WRITE_LIMIT, ports);
        } catch (LinkageError e) {
            throw PortProblems.nativeLibrary(e);
        }
    }
}
