package dev.picotool.verify;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.TerminalText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The broker as Eclipse Paho (mqttv3) sees it. Paho's threads only queue events. A dropped connection is
 * re-established by Paho's automatic reconnect, and the subscriptions are renewed then (the session is clean, so
 * the broker forgot them). Topics Paho cannot carry travel under an alias ({@link TopicAliases}). Payloads are cut at
 * {@link #MAX_PAYLOAD_BYTES} on the wire.
 */
final class PahoBrokerEvents implements BrokerEvents {
    /** Paho's own limit for the TCP connect, in whole seconds; the run's deadline cuts it shorter when needed. */
    private static final int CONNECT_TIMEOUT_S = 10;
    /**
     * QoS of our subscriptions: 0, so the broker sends what we listen to without waiting for our acknowledgement. A
     * clean session gains nothing from 1 (nothing is kept for a reconnect), and an acknowledgement that reaches
     * Moquette 0.17 (picotool's embedded broker) after our DISCONNECT, as one does when we hang up right after the
     * last message, throws IllegalReferenceCountException in Session.pubAckReceived; that kills one of its session
     * threads, and every client routed to it, boards included, then waits for ever (seen with RetainedMessagesTest).
     */
    private static final int SUBSCRIBE_QOS = 0;
    /** SUBACK return code 0x80: the broker refused that subscription (MQTT 3.1.1, section 3.9.3). */
    private static final int SUBACK_FAILURE = 0x80;
    /** Our own messages (the marker, a cleared retained topic) go at QoS 1: acknowledged, and never dropped. */
    private static final int PUBLISH_QOS = 1;
    private static final int MAX_RECONNECT_DELAY_MS = 5_000;
    private static final long CLOSE_TIMEOUT_MS = 1_000;
    /**
     * The most of a payload kept: a Home Assistant discovery document (about 2 KB, bounded by the embedded broker's
     * 64 KB), more than any reading ({@link PayloadParser} refuses those over 4 KB); a hostile 50 MB message costs
     * no more than this.
     */
    static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    private final BrokerConnection conn;
    private final Clock clock;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private TopicAliases aliases = TopicAliases.of(List.of());
    private volatile Optional<String> marker = Optional.empty();
    private MqttAsyncClient client;

    PahoBrokerEvents(BrokerConnection conn, Clock clock) {
        this.conn = conn;
        this.clock = clock;
    }

    @Override
    public void open(List<String> filters, Optional<String> marker, Instant deadline) {
        List<String> all = new java.util.ArrayList<>(filters);
        marker.ifPresent(all::add);
        aliases = TopicAliases.of(all);
        String[] names = all.stream().map(aliases::forClient).toArray(String[]::new);
        this.marker = marker.map(aliases::forClient);
        // Short enough for MQTT 3.1.1's 23-character limit, random so two verifiers do not kick each other off.
        String clientId = "picotool-verify-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
                .substring(0, 6);
        String uri = "tcp://" + conn.address(); // TLS, if any, is done by FilteredSockets
        try {
            client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new PicoToolException(ExitCode.BROKER, "cannot use broker address " + TerminalText.escape(
                    conn.uri()) + ": " + e.getMessage(), "check --broker", e);
        }
        client.setCallback(new Callbacks(names));
        connect(deadline);
        boolean markerTaken = names.length > 0 && subscribe(names, all, marker.isPresent(), deadline);
        if (markerTaken) {
            try {
                client.publish(this.marker.get(), new byte[] {1}, PUBLISH_QOS, false);
            } catch (MqttException e) {
                // Not allowed or dropped: the run just never settles early (see BrokerEvents.open).
            }
        }
    }

    @Override
    public void publish(String topic, byte[] payload, boolean retain, Instant deadline) {
        try {
            client.publish(aliases.forClient(topic), payload, PUBLISH_QOS, retain).waitForCompletion(
                    millisLeft(deadline));
        } catch (MqttException e) {
            throw new PicoToolException(ExitCode.BROKER, "publishing to " + TerminalText.escape(topic) + " at "
                    + conn.address() + " failed: " + e.getMessage(), "this user must be allowed to publish there "
                    + "(the broker's access rules)", e);
        }
    }

    private void connect(Instant deadline) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setConnectionTimeout((int) Math.max(1, Math.min(CONNECT_TIMEOUT_S, secondsLeft(deadline))));
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(MAX_RECONNECT_DELAY_MS);
        conn.username().ifPresent(o::setUserName);
        conn.password().ifPresent(p -> o.setPassword(p.reveal().toCharArray()));
        o.setSocketFactory(new FilteredSockets(aliases, MAX_PAYLOAD_BYTES + 1,
                conn.tls() ? Optional.of(TlsSockets.forCa(conn.caFile())) : Optional.empty(), conn.host()));
        try {
            client.connect(o).waitForCompletion(millisLeft(deadline));
        } catch (MqttException e) {
            throw BrokerErrors.connect(e, conn);
        }
    }

    /** Subscribes to every name (the marker last, when there is one); true when the marker's was granted. */
    private boolean subscribe(String[] names, List<String> topics, boolean withMarker, Instant deadline) {
        int[] qos = new int[names.length];
        java.util.Arrays.fill(qos, SUBSCRIBE_QOS);
        try {
            IMqttToken t = client.subscribe(names, qos);
            t.waitForCompletion(millisLeft(deadline));
            int[] granted = t.getGrantedQos();
            int markerAt = withMarker ? names.length - 1 : -1;
            for (int i = 0; i < granted.length && i < topics.size(); i++) {
                if (granted[i] == SUBACK_FAILURE && i == markerAt) {
                    return false;
                }
                if (granted[i] == SUBACK_FAILURE) {
                    throw new PicoToolException(ExitCode.BROKER, "the broker at " + conn.address()
                            + " refused the subscription to " + TerminalText.escape(topics.get(i)),
                            "the broker's access rules (ACL) must let this user read the Pico's topics");
                }
            }
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
                    || e.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED) {
                // Dropped right after connecting: connectionLost() has queued the event, and the automatic
                // reconnect subscribes again (seen once with Moquette while the Pico was publishing).
                return false;
            }
            if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT) {
                throw new PicoToolException(ExitCode.BROKER, "the broker at " + conn.address() + " did not answer "
                        + "the subscription in time", "look at the broker's log", e);
            }
            throw new PicoToolException(ExitCode.BROKER, "subscribing at " + conn.address() + " failed: "
                    + e.getMessage(), "look at the broker's log", e);
        }
        return withMarker;
    }

    @Override
    public Optional<Event> next(Duration wait) throws InterruptedException {
        return Optional.ofNullable(events.poll(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(0).waitForCompletion(CLOSE_TIMEOUT_MS);
            }
        } catch (MqttException e) {
            // Going away anyway; a broker that vanished cannot be told goodbye.
        }
        try {
            // Also stops a connect still in progress (a broker that never answered) and the reconnect timer.
            client.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            // Already disconnected.
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // close(force) only fails for a client still connecting, and that one has no threads to leak.
        }
    }

    private long millisLeft(Instant deadline) {
        return Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
    }

    private long secondsLeft(Instant deadline) {
        return (millisLeft(deadline) + 999) / 1000;
    }

    /** Paho's threads: queue events only; the verifier's loop does the rest. */
    private final class Callbacks implements MqttCallbackExtended {
        private final String[] names;

        Callbacks(String[] names) {
            this.names = names;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (!reconnect || names.length == 0) {
                return;
            }
            int[] qos = new int[names.length];
            java.util.Arrays.fill(qos, SUBSCRIBE_QOS);
            try {
                client.subscribe(names, qos);
            } catch (MqttException e) {
                events.add(new Lost("subscribing again failed: " + e.getMessage()));
                return;
            }
            events.add(new Back());
        }

        @Override
        public void connectionLost(Throwable cause) {
            String why = cause == null ? "connection closed" : cause.getMessage() != null ? cause.getMessage()
                    : cause.getClass().getSimpleName();
            Throwable root = cause;
            while (root != null && root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root != null && root != cause && root.getMessage() != null) {
                why += " (" + root.getMessage() + ")";
            }
            events.add(new Lost(why));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (marker.filter(topic::equals).isPresent()) {
                events.add(new Settled());
                return;
            }
            events.add(new Message(clock.instant(), aliases.fromClient(topic), message.getPayload(),
                    message.isRetained()));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // publish() waits for its own token.
        }
    }
}
