package dev.picotool.device;

import java.time.Duration;

/**
 * A byte pipe to a board: a USB serial port, a pty or a TCP socket. Implementations never block for ever:
 * reads take a timeout and writes are guarded. Every failure is a {@link DeviceException}.
 */
public interface SerialLink extends AutoCloseable {
    /** Writes all bytes or throws (the board vanished, or stopped reading for too long). */
    void write(byte[] data);

    /**
     * Waits up to {@code timeout} for bytes and returns what arrived (empty when none did; a zero timeout only
     * returns what is already waiting). Throws {@link BoardDisconnectedException} when the board is gone.
     */
    byte[] read(Duration timeout);

    /** The port as the user named it, for messages. */
    String description();

    @Override
    void close();
}
