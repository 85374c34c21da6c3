package dev.picotool.broker;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.TerminalText;
import dev.picotool.config.Secret;
import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.PermitAllAuthorizatorPolicy;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small MQTT 3.1.1 broker inside picotool (Moquette 0.17), for classrooms without one.
 *
 * <p>Why Moquette: measured against Apache ActiveMQ Artemis 2.55 embedded, it is a third of the size (6.5 MB vs
 * 18.8 MB of jars) and starts about three times faster (0.5-0.8 s vs 2-3.3 s). Moquette speaks MQTT 3.1.1 only, which
 * is what the Pico firmware speaks.
 *
 * <p>Configured so that it phones nobody (telemetry is on by default in Moquette) and writes no files (no
 * persistence: retained messages live until it stops). {@link #close()} must run: Netty's threads are not daemons
 * and would keep the JVM alive.
 *
 * <p>Known limits of Moquette 0.17, the last release on Maven Central: it sends retained messages without the RETAIN
 * flag (verify reads retained messages up to a marker instead), and a client that disconnects while QoS 1
 * deliveries to it are unacknowledged can make it throw {@code IllegalReferenceCountException} in
 * {@code Session.pubAckReceived}, which stalls the clients of that session thread (reference-count bugs of this
 * kind are moquette-io/moquette issues #573 and #773; fixes are in 0.18, published only on JitPack). picotool's own
 * clients subscribe at QoS 0 for that reason.
 */
public final class EmbeddedBroker implements AutoCloseable {
    /** Moquette's Netty may report the bound port a few milliseconds after startServer returns. */
    private static final Duration PORT_WAIT = Duration.ofSeconds(5);
    /**
     * The largest MQTT packet the broker takes, counted as its remaining length (MQTT 3.1.1 section 2.2.3: the
     * topic with its 2 length bytes, the packet id, the payload). Large enough for Home Assistant discovery
     * documents (Moquette's default is 8092 bytes); a bigger packet is refused, its sender disconnected, and a
     * warning given ({@link #start(Options, Consumer)}). Settings that put topics into a payload must stay below it.
     */
    public static final int MAX_MESSAGE_BYTES = 65_536;
    /** Longest Netty may take to finish queued work when stopping (it is normally done at once). */
    private static final long STOP_TIMEOUT_MS = 2_000;
    /** Moquette reports a packet it cannot decode (too large among others) here, at ERROR, and drops the client. */
    private static final Logger DECODE_ERRORS = Logger.getLogger("io.moquette.broker.NewNettyMQTTHandler");
    private static final Pattern TOO_LARGE = Pattern.compile("too large message: (\\d+) bytes");

    private final Server server;
    private final String host;
    private final int port;
    private final Duration startTime;
    private final OversizeWatch oversize;
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

    private EmbeddedBroker(Server server, String host, int port, Duration startTime, OversizeWatch oversize) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.startTime = startTime;
        this.oversize = oversize;
    }

    public static EmbeddedBroker start(Options o) {
        return start(o, warning -> { });
    }

    /**
     * @param warnings hears, on a broker thread, what the broker refused to deliver (a message over
     *                 {@link #MAX_MESSAGE_BYTES}), in words for the user
     */
    public static EmbeddedBroker start(Options o, Consumer<String> warnings) {
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
        OversizeWatch watch = new OversizeWatch(warnings);
        long t0 = System.nanoTime();
        try {
            server.startServer(new MemoryConfig(p), List.of(), null, auth, new PermitAllAuthorizatorPolicy());
        } catch (IOException | RuntimeException e) {
            stop(server, watch);
            throw cannotListen(o, e);
        }
        // Netty binds asynchronously after startServer returns: wait until the port accepts connections.
        if (!acceptsWithin(o.bind(), port, PORT_WAIT)) {
            stop(server, watch);
            throw cannotListen(o, null);
        }
        return new EmbeddedBroker(server, o.bind(), port, Duration.ofNanos(System.nanoTime() - t0), watch);
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
        return new PicoToolException(ExitCode.BROKER, "cannot listen on " + TerminalText.escape(o.bind() + ":"
                + o.port() + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "")),
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

    /** Stops the broker and all its threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stop(server, oversize);
        }
    }

    private static void stop(Server server, OversizeWatch watch) {
        stopEventLoopsNow(server);
        server.stopServer();
        watch.close();
    }

    /**
     * Moquette 0.17 stops Netty with {@code shutdownGracefully()}, whose quiet period waits 2 s for work that never
     * comes. Asked first without a quiet period (Netty's {@code EventExecutorGroup.shutdownGracefully(0, …)}), the
     * event loops end once their queued work is done, and Moquette's own call later finds them terminated. The groups
     * are private fields of Moquette's {@code NewNettyAcceptor}; if a Moquette without them ever turns up, stopping
     * just takes the 2 s again.
     */
    private static void stopEventLoopsNow(Server server) {
        try {
            Object acceptor = field(server, "acceptor");
            for (String name : List.of("workerGroup", "bossGroup")) {
                if (acceptor != null && field(acceptor, name) instanceof EventLoopGroup group) {
                    group.shutdownGracefully(0, STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Moquette stops them itself, with the quiet period.
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }

    /**
     * Turns Moquette's log record for a packet over {@link #MAX_MESSAGE_BYTES} (Netty's MqttDecoder: "too large
     * message: N bytes") into a warning. Moquette gives no other sign: it drops the packet and the client.
     */
    private static final class OversizeWatch extends Handler {
        private final Consumer<String> warnings;
        private final Level before;

        OversizeWatch(Consumer<String> warnings) {
            this.warnings = warnings;
            synchronized (DECODE_ERRORS) {
                before = DECODE_ERRORS.getLevel();
                if (!DECODE_ERRORS.isLoggable(Level.SEVERE)) {
                    DECODE_ERRORS.setLevel(Level.SEVERE); // logging is off unless --verbose: let ERROR through here
                }
                DECODE_ERRORS.addHandler(this);
            }
        }

        @Override
        public void publish(LogRecord r) {
            for (Throwable t = r.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                Matcher m = t.getMessage() == null ? null : TOO_LARGE.matcher(t.getMessage());
                if (m != null && m.find()) {
                    warnings.accept("refused an MQTT message of " + m.group(1) + " bytes, over the broker's limit "
                            + "of " + MAX_MESSAGE_BYTES + ": it was not delivered, and the client that sent it was "
                            + "disconnected");
                    return;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            synchronized (DECODE_ERRORS) {
                DECODE_ERRORS.removeHandler(this);
                if (DECODE_ERRORS.getHandlers().length == 0) {
                    DECODE_ERRORS.setLevel(before);
                }
            }
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
