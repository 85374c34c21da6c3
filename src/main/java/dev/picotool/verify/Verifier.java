package dev.picotool.verify;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Subscribes to the Pico's topics and judges what arrives until every topic has its readings or time runs out.
 * Paho's callbacks only queue events; one loop on the caller's thread owns all state, so nothing needs locking and
 * the listener is called in order. A dropped connection is re-established by Paho's automatic reconnect, and the
 * subscriptions are renewed then (the session is clean, so the broker forgot them).
 */
public final class Verifier {
    private static final int CONNECT_TIMEOUT_S = 10;
    /** QoS of our subscriptions: the broker then delivers each reading at the QoS the Pico published it with. */
    private static final int SUBSCRIBE_QOS = 1;
    private static final int MAX_RECONNECT_DELAY_MS = 5_000;
    private static final long CLOSE_TIMEOUT_MS = 2_000;

    private final Clock clock;

    public Verifier() {
        this(Clock.systemUTC());
    }

    public Verifier(Clock clock) {
        this.clock = clock;
    }

    private sealed interface Event permits Message, Lost, Back {
    }

    private record Message(Instant time, String topic, String payload, boolean retained) implements Event {
    }

    private record Lost(String reason) implements Event {
    }

    private record Back() implements Event {
    }

    /** Runs one verification. Throws a {@link PicoToolException} (exit 5) when the broker cannot be used at all. */
    public VerifyResult run(BrokerConnection conn, VerifyPlan plan, VerifyListener listener) {
        PayloadParser parser = new PayloadParser(plan.payload());
        Map<String, TopicCheck> checks = new LinkedHashMap<>();
        plan.topics().forEach(t -> checks.put(t.topic(), new TopicCheck(t, plan, parser)));
        List<String> topics = new ArrayList<>(checks.keySet());
        plan.statusTopic().filter(s -> !checks.containsKey(s)).ifPresent(topics::add);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Instant started = clock.instant();
        Optional<String> status = Optional.empty();
        int reconnects = 0;
        MqttAsyncClient client = newClient(conn);
        try {
            client.setCallback(new Callbacks(client, topics, events, clock));
            connect(client, conn);
            subscribe(client, topics, conn);
            listener.connected(conn.address(), topics);
            Instant deadline = started.plus(plan.timeout());
            while (!done(checks, plan, status)) {
                long waitMs = Duration.between(clock.instant(), deadline).toMillis();
                if (waitMs <= 0) {
                    break;
                }
                Event ev = events.poll(waitMs, TimeUnit.MILLISECONDS);
                if (ev instanceof Message m) {
                    TopicCheck check = checks.get(m.topic());
                    if (check != null) {
                        listener.reading(check.accept(m.time(), m.payload(), m.retained()), check.counted(),
                                plan.count());
                    } else if (plan.statusTopic().filter(m.topic()::equals).isPresent()) {
                        status = Optional.of(m.payload());
                        listener.status(m.topic(), m.payload(), m.retained());
                    }
                } else if (ev instanceof Lost l) {
                    checks.values().forEach(TopicCheck::connectionLost);
                    listener.connectionLost(l.reason());
                } else if (ev instanceof Back) {
                    reconnects++;
                    listener.reconnected();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(client);
        }
        Duration elapsed = Duration.between(started, clock.instant());
        List<TopicResult> results = checks.values().stream().map(c -> c.result(elapsed)).toList();
        Optional<String> lastStatus = status;
        return new VerifyResult(conn.address(), started, elapsed, results,
                plan.statusTopic().map(t -> StatusResult.of(t, lastStatus)), reconnects);
    }

    private static boolean done(Map<String, TopicCheck> checks, VerifyPlan plan, Optional<String> status) {
        boolean statusDone = plan.statusTopic().isEmpty() || status.filter(StatusResult.ONLINE::equals).isPresent();
        return statusDone && checks.values().stream().allMatch(c -> c.counted() >= plan.count());
    }

    private static MqttAsyncClient newClient(BrokerConnection conn) {
        // Short enough for MQTT 3.1.1's 23-character limit, random so two verifiers do not kick each other off.
        String clientId = "picotool-verify-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
                .substring(0, 6);
        try {
            return new MqttAsyncClient(conn.uri(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new PicoToolException(ExitCode.BROKER, "cannot use broker address " + conn.uri() + ": "
                    + e.getMessage(), "check --broker", e);
        }
    }

    private static void connect(MqttAsyncClient client, BrokerConnection conn) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setConnectionTimeout(CONNECT_TIMEOUT_S);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(MAX_RECONNECT_DELAY_MS);
        conn.username().ifPresent(o::setUserName);
        conn.password().ifPresent(p -> o.setPassword(p.reveal().toCharArray()));
        if (conn.tls()) {
            o.setSocketFactory(TlsSockets.forCa(conn.caFile()));
            o.setHttpsHostnameVerificationEnabled(true);
        }
        try {
            client.connect(o).waitForCompletion((CONNECT_TIMEOUT_S + 5) * 1000L);
        } catch (MqttException e) {
            throw BrokerErrors.connect(e, conn);
        }
    }

    private static void subscribe(MqttAsyncClient client, List<String> topics, BrokerConnection conn) {
        int[] qos = topics.stream().mapToInt(t -> SUBSCRIBE_QOS).toArray();
        try {
            IMqttToken t = client.subscribe(topics.toArray(String[]::new), qos);
            t.waitForCompletion(CONNECT_TIMEOUT_S * 1000L);
            int[] granted = t.getGrantedQos();
            for (int i = 0; i < granted.length && i < topics.size(); i++) {
                if (granted[i] == 0x80) { // SUBACK return code 0x80 = failure
                    throw new PicoToolException(ExitCode.BROKER, "the broker at " + conn.address()
                            + " refused the subscription to " + topics.get(i),
                            "the broker's access rules (ACL) must let this user read the Pico's topics");
                }
            }
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
                    || e.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED) {
                // Dropped right after connecting: connectionLost() has queued the event, and the automatic
                // reconnect subscribes again (seen once with Moquette while the Pico was publishing).
                return;
            }
            throw new PicoToolException(ExitCode.BROKER, "subscribing at " + conn.address() + " failed: "
                    + e.getMessage(), "look at the broker's log", e);
        }
    }

    private static void close(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect(CLOSE_TIMEOUT_MS).waitForCompletion(CLOSE_TIMEOUT_MS);
            }
        } catch (MqttException e) {
            // Going away anyway; a broker that vanished cannot be told goodbye.
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // close(force) only fails for a client still connecting, and that one has no threads to leak.
        }
    }

    /** Paho's threads: queue events only; the verifier's loop does the rest. */
    private static final class Callbacks implements MqttCallbackExtended {
        private final MqttAsyncClient client;
        private final List<String> topics;
        private final BlockingQueue<Event> events;
        private final Clock clock;

        Callbacks(MqttAsyncClient client, List<String> topics, BlockingQueue<Event> events, Clock clock) {
            this.client = client;
            this.clock = clock;
            this.topics = topics;
            this.events = events;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (!reconnect) {
                return;
            }
            try {
                client.subscribe(topics.toArray(String[]::new), topics.stream().mapToInt(t -> SUBSCRIBE_QOS)
                        .toArray());
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
            events.add(new Message(clock.instant(), topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                    message.isRetained()));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // We never publish.
        }
    }
}
