package dev.picotool.testing;

/**
 * A real Pico W running MicroPython, named by the PICO_PORT environment variable
 * ({@code PICO_PORT=/dev/ttyACM0 ./mvnw verify -Phardware}). picotool opens and closes the port; nothing to stop.
 */
public final class RealBoard implements BoardPeer {
    public static final String PORT_VARIABLE = "PICO_PORT";

    private final String port;

    public RealBoard(String port) {
        this.port = port;
    }

    public static RealBoard fromEnvironment() {
        String port = System.getenv(PORT_VARIABLE);
        if (port == null || port.isBlank()) {
            throw new IllegalStateException(PORT_VARIABLE + " is not set");
        }
        return new RealBoard(port);
    }

    @Override
    public String port() {
        return port;
    }

    @Override
    public void close() {
        // the board stays plugged in
    }
}
