package dev.picotool.testing;

/** A real MQTT broker on 127.0.0.1 that a test can stop and start again on the same port. */
public interface TestBroker extends AutoCloseable {
    int port();

    default String address() {
        return "127.0.0.1:" + port();
    }

    default String uri() {
        return "tcp://" + address();
    }

    /** Stops it (clients see the connection drop) and starts it again on the same port. */
    void restart();

    @Override
    void close();

    /** A broker someone else runs (e.g. a picotool process) on 127.0.0.1:port; only its address is used. */
    static TestBroker at(int port) {
        return new TestBroker() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public void restart() {
                throw new UnsupportedOperationException("not ours to restart");
            }

            @Override
            public void close() {
                // not ours to stop
            }
        };
    }
}
