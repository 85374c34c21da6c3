package dev.picotool.testing;

/** Something at the other end of a serial port that the device contract tests run against. */
public interface BoardPeer extends AutoCloseable {
    /** The port to open (a pty path, socket://, or a real /dev/ttyACM0). */
    String port();

    @Override
    void close();
}
