package dev.picotool.device;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.time.Duration;
import java.util.Arrays;

/**
 * A USB serial port (or a pty) through jSerialComm. Opened 115200 8N1 with jSerialComm's exclusive flock and its
 * DTR/RTS asserted on open: MicroPython's TinyUSB CDC only transmits while the host holds DTR, so we never clear it.
 */
public final class JSerialCommLink implements SerialLink {
    static final int BAUD = 115200;
    /** errno values jSerialComm reports from openPort(). */
    static final int EAGAIN = 11;
    static final int EACCES = 13;
    /** Read slices stay short so a link closed by another thread (Ctrl-C, watchdog) is noticed promptly. */
    private static final int MAX_READ_SLICE_MS = 250;

    private final SerialPort port;
    private final String name;
    private final Duration writeLimit;
    private final byte[] buffer = new byte[4096];
    private int readTimeoutMs = -1;
    private volatile boolean closed;

    private JSerialCommLink(SerialPort port, String name, Duration writeLimit) {
        this.port = port;
        this.name = name;
        this.writeLimit = writeLimit;
    }

    /** Opens {@code path}; every failure becomes a {@link DeviceException} that says how to fix it. */
    static JSerialCommLink open(String path, Duration writeLimit, PortEnumerator ports) {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw PortProblems.missing(path, ports);
        }
        port.setComPortParameters(BAUD, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            // Never trust getLastErrorCode() after a *successful* open: on a pty it holds a stale ENOTTY.
            throw PortProblems.openFailed(path, port.getLastErrorCode(), ports);
        }
        // DTR/RTS are already asserted by openPort(); on a pty these calls fail with ENOTTY, which is harmless.
        port.setDTR();
        port.setRTS();
        return new JSerialCommLink(port, path, writeLimit);
    }

    @Override
    public void write(byte[] data) {
        int off = 0;
        try (WriteWatchdog.Guard guard = WriteWatchdog.arm(writeLimit, port::closePort)) {
            while (off < data.length) {
                int n = port.writeBytes(data, data.length - off, off);
                if (guard.fired()) {
                    throw new DeviceException("the board stopped reading: a write to " + name + " blocked for more "
                            + "than " + writeLimit.toSeconds() + " s", "unplug the board, plug it in again and retry");
                }
                if (n <= 0) {
                    throw new BoardDisconnectedException(name);
                }
                off += n;
            }
        }
    }

    @Override
    public byte[] read(Duration timeout) {
        if (closed) {
            throw new BoardDisconnectedException(name);
        }
        if (timeout.isZero()) {
            int avail = port.bytesAvailable();
            if (avail < 0) {
                throw new BoardDisconnectedException(name);
            }
            if (avail == 0) {
                return new byte[0];
            }
        }
        int ms = (int) Math.max(1, Math.min(MAX_READ_SLICE_MS, timeout.toMillis()));
        if (ms != readTimeoutMs) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, ms, 0);
            readTimeoutMs = ms;
        }
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            // EIO: the device behind the port is gone (machine.reset(), unplug, or the pty master closed).
            throw new BoardDisconnectedException(name);
        }
        return Arrays.copyOf(buffer, n);
    }

    @Override
    public String description() {
        return name;
    }

    @Override
    public void close() {
        closed = true;
        port.closePort();
    }
}
