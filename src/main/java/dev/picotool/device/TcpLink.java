package dev.picotool.device;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
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

    /** The host and port of {@code socket://HOST:PORT}, or a usage error that says how to write it. */
    static InetSocketAddress address(String spec) {
        URI uri;
        try {
            uri = new URI("tcp://" + spec.substring(SCHEME.length()));
        } catch (URISyntaxException e) {
            throw badSpec(spec, "it is not HOST:PORT");
        }
        if (uri.getHost() == null || uri.getPort() < 0 || uri.getPath() != null && !uri.getPath().isEmpty()
                || uri.getQuery() != null || uri.getUserInfo() != null) {
            throw badSpec(spec, "it is not HOST:PORT");
        }
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            throw badSpec(spec, uri.getPort() + " is not a TCP port number (1-65535)");
        }
        return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
    }

    static TcpLink open(String spec, Duration writeLimit) {
        InetSocketAddress where = address(spec);
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(where.getHostString(), where.getPort()), CONNECT_TIMEOUT_MS);
            return new TcpLink(s, spec, writeLimit);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
            throw new DeviceException("cannot connect to " + spec + ": " + why(e, where),
                    "is the virtual Pico (or serial bridge) running and listening on that port?", e);
        }
    }

    private static String why(IOException e, InetSocketAddress where) {
        if (e instanceof UnknownHostException) {
            return "the host name " + where.getHostString() + " is unknown";
        }
        if (e instanceof ConnectException) {
            return "nothing listens on port " + where.getPort() + " there (connection refused)";
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer within " + CONNECT_TIMEOUT_MS / 1000 + " s";
        }
        return e.getMessage();
    }

    private static PicoToolException badSpec(String spec, String why) {
        return new PicoToolException(ExitCode.USAGE, "--port " + spec + ": " + why,
                "write it as socket://HOST:PORT, e.g. socket://127.0.0.1:2217");
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
