package dev.picotool.broker;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.config.Secret;
import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.PermitAllAuthorizatorPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A small MQTT 3.1.1 broker inside picotool (Moquette 0.17), for classrooms without one.
 *
 * <p>Why Moquette: measured against Apache ActiveMQ Artemis 2.55 embedded (docs/broker-choice.md), it is a third of
 * the size (6.5 MB vs 18.8 MB of jars) and starts about three times faster (0.5-0.8 s vs 2-3.3 s). Its one cost is
 * stopping: Netty's 2 s quiet period. Moquette speaks MQTT 3.1.1 only, which is what the Pico firmware speaks.
 *
 * <p>Configured so that it phones nobody (telemetry is on by default in Moquette), writes no files (no persistence:
 * retained messages live until it stops) and is quiet (slf4j-nop). {@link #close()} must run: Netty's threads are not
 * daemons and would keep the JVM alive.
 */
public final class EmbeddedBroker implements AutoCloseable {
    /** Moquette's Netty may report the bound port a few milliseconds after startServer returns. */
    private static final Duration PORT_WAIT = Duration.ofSeconds(5);
    /** Large enough for Home Assistant discovery documents (Moquette's default is 8092 bytes). */
    private static final int MAX_MESSAGE_BYTES = 65_536;

    private final Server server;
    private final String host;
    private final int port;
    private final Duration startTime;
    private boolean closed;

    /**
     * @param bind     address to listen on: 0.0.0.0 so a Pico on the LAN can reach it; 127.0.0.1 in tests
     * @param port     0 picks a free port
     * @param username when present, clients must log in with it and the password; else anyone may connect
     */
    public record Options(String bind, int port, Optional<String> username, Optional<Secret> password) {
        public static Options anonymous(String bind, int port) {
            return new Options(bind, port, Optional.empty(), Optional.empty());
        }
    }

    private EmbeddedBroker(Server server, String host, int port, Duration startTime) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.startTime = startTime;
    }

    public static EmbeddedBroker start(Options o) {
        if (o.username().isPresent() != o.password().isPresent()) {
            throw new IllegalArgumentException("a user name needs a password and the other way round");
        }
        // We choose the port ourselves rather than ask Moquette afterwards: its getPort() updates an unsynchronised
        // HashMap that Netty's bind thread writes at the same time (seen: ConcurrentModificationException).
        int port = ensureFree(o.bind(), o.port());
        Properties p = new Properties();
        p.setProperty(BrokerConstants.HOST_PROPERTY_NAME, o.bind());
        p.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        p.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        // MQTT 3.1.1 lets a clean-session client send an empty id for the broker to assign; mosquitto_sub and
        // mosquitto_pub 2.x do exactly that, and Moquette refuses it ("identifier rejected") unless told otherwise.
        p.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "true");
        p.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, Boolean.toString(o.username().isEmpty()));
        p.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(MAX_MESSAGE_BYTES));
        // Readings go out as they come in rather than in batches: the live output should be live.
        p.setProperty(BrokerConstants.BUFFER_FLUSH_MS_PROPERTY_NAME,
                Integer.toString(BrokerConstants.IMMEDIATE_BUFFER_FLUSH));
        IAuthenticator auth = o.username().isPresent() ? new OneUser(o.username().get(), o.password().get()) : null;
        Server server = new Server();
        long t0 = System.nanoTime();
        try {
            server.startServer(new MemoryConfig(p), List.of(), null, auth, new PermitAllAuthorizatorPolicy());
        } catch (IOException | RuntimeException e) {
            server.stopServer();
            throw cannotListen(o, e);
        }
        // Netty binds asynchronously after startServer returns: wait until the port accepts connections.
        if (!acceptsWithin(o.bind(), port, PORT_WAIT)) {
            server.stopServer();
            throw cannotListen(o, null);
        }
        return new EmbeddedBroker(server, o.bind(), port, Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Moquette logs (to nowhere) rather than throws when the port is taken, so look first. Returns the port, or a
     * free one chosen by the system when {@code port} is 0.
     */
    private static int ensureFree(String bind, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getByName(bind), port));
            return s.getLocalPort();
        } catch (IOException e) {
            throw cannotListen(Options.anonymous(bind, port), e);
        }
    }

    private static boolean acceptsWithin(String bind, int port, Duration within) {
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket probe = new java.net.Socket()) {
                probe.connect(new java.net.InetSocketAddress(host, port), 200);
                return true;
            } catch (IOException notYet) {
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            }
        }
        return false;
    }

    private static PicoToolException cannotListen(Options o, Exception cause) {
        return new PicoToolException(ExitCode.BROKER, "cannot listen on " + o.bind() + ":" + o.port()
                + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : ""),
                "is another broker (mosquitto?) already using port " + o.port() + "? stop it or pick another "
                        + "--port; ports below 1024 need root", cause);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** How long startServer took, until the port was known. */
    public Duration startTime() {
        return startTime;
    }

    /** Stops the broker and all its threads (this takes about 2 s: Netty's quiet period). Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stopServer();
        }
    }

    /** One user name and password; the comparison takes the same time however much of the password is right. */
    private static final class OneUser implements IAuthenticator {
        private final String username;
        private final byte[] password;

        OneUser(String username, Secret password) {
            this.username = username;
            this.password = password.reveal().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean checkValid(String clientId, String user, byte[] given) {
            return username.equals(user) && given != null && MessageDigest.isEqual(password, given);
        }
    }
}
