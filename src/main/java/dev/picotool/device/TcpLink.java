package dev.picotool.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;

/** A board (or virtual Pico) reached as {@code socket://host:port}: a raw TCP byte stream, no telnet framing. */
public final class TcpLink implements SerialLink {
    static final String SCHEME = "socket://";
    private static final int CONNECT_TIMEOUT_MS = 3000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String name;
    private final Duration writeLimit;
    private final byte[] buffer = new byte[4096];

    private TcpLink(Socket socket, String name, Duration writeLimit) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.name = name;
        this.writeLimit = writeLimit;
    }

    static TcpLink open(String spec, Duration writeLimit) {
        URI uri;
        try {
            uri = URI.create(spec.replace(SCHEME, "tcp://"));
        } catch (IllegalArgumentException e) {
            throw badSpec(spec);
        }
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw badSpec(spec);
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MS);
            return new TcpLink(s, spec, writeLimit);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
            throw new DeviceException("cannot connect to " + spec + ": " + e.getMessage(),
                    "is the virtual Pico (or serial bridge) running and listening on that port?", e);
        }
    }

    private static DeviceException badSpec(String spec) {
        return new DeviceException("not a socket address: " + spec, "write it as socket://HOST:PORT");
    }

    @Override
    public void write(byte[] data) {
        try (WriteWatchdog.Guard guard = WriteWatchdog.arm(writeLimit, this::close)) {
            try {
                out.write(data);
                out.flush();
            } catch (IOException e) {
                if (guard.fired()) {
                    throw new DeviceException("the board stopped reading: a write to " + name + " blocked for more "
                            + "than " + writeLimit.toSeconds() + " s", "restart the board and retry");
                }
                throw new BoardDisconnectedException(name);
            }
        }
    }

    @Override
    public byte[] read(Duration timeout) {
        try {
            if (timeout.isZero()) {
                if (in.available() == 0) {
                    return new byte[0];
                }
                socket.setSoTimeout(1);
            } else {
                socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            }
            int n = in.read(buffer);
            if (n < 0) {
                throw new BoardDisconnectedException(name);
            }
            return Arrays.copyOf(buffer, n);
        } catch (SocketTimeoutException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new BoardDisconnectedException(name);
        }
    }

    @Override
    public String description() {
        return name;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
