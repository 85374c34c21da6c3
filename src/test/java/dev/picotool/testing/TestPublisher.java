package dev.picotool.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Plays the Pico: publishes a list of payloads per topic, one round every interval, over a real MQTT connection
 * (Paho, reconnecting by itself when the broker restarts). Rounds while disconnected are skipped, as on the Pico.
 */
public final class TestPublisher implements AutoCloseable {
    private final MqttClient client;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-publisher");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger rounds = new AtomicInteger();

    private TestPublisher(String uri, String user, String password) throws MqttException {
        client = new MqttClient(uri, "test-pico-" + System.nanoTime() % 100_000, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(500);
        // Paho frees a slot of its in-flight window after the PUBACK has completed the token, so quick retained
        // publishes in a row can find the default window of 10 still full ("Too many publishes in progress").
        o.setMaxInflight(1000);
        o.setCleanSession(true);
        client.connect(o);
    }

    public static TestPublisher connect(TestBroker broker) {
        return connect(broker, null, null);
    }

    /** Logged in as {@code user}. */
    public static TestPublisher connect(TestBroker broker, String user, String password) {
        try {
            return new TestPublisher(broker.uri(), user, password);
        } catch (MqttException e) {
            throw new IllegalStateException("test publisher cannot connect to " + broker, e);
        }
    }

    /** Publishes a retained message now (e.g. the status 'online'). */
    public TestPublisher retained(String topic, String payload) {
        try {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /**
     * Starts publishing: round i sends payloads.get(topic).get(i) on each topic; after the last entry of a list
     * that topic stays silent. Returns immediately.
     */
    public TestPublisher every(Duration interval, Map<String, List<String>> payloads) {
        timer.scheduleAtFixedRate(() -> {
            int i = rounds.getAndIncrement();
            payloads.forEach((topic, list) -> {
                if (i < list.size() && client.isConnected()) {
                    try {
                        client.publish(topic, list.get(i).getBytes(StandardCharsets.UTF_8), 0, false);
                    } catch (MqttException e) {
                        // Disconnected in between: this round is lost, like a Pico's reading would be.
                    }
                }
            });
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The same payload every round, forever. */
    public static List<String> repeat(String payload, int times) {
        return java.util.Collections.nCopies(times, payload);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(500);
            }
            client.close(true);
        } catch (MqttException e) {
            // Test over; nothing to save.
        }
    }
}
