package dev.picotool.homeassistant;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.config.CaCertificate;
import dev.picotool.config.MqttSettings;
import dev.picotool.config.PicoConfig;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One MQTT session that reads the retained messages under some topic filters and clears retained topics. Knowing
 * when every retained message has arrived needs no waiting on a clock: after subscribing, it publishes a marker on a
 * topic of its own, and a broker delivers the retained messages of a subscription before anything published after
 * it (Mosquitto sends them with the SUBACK).
 */
public final class RetainedReader implements AutoCloseable {
    /** Retained messages larger than this are not picotool's discovery documents (about 2 KB): skipped, not kept. */
    static final int MAX_PAYLOAD = 64 * 1024;
    private static final int TIMEOUT_S = 10;
    private static final int QOS = 1;

    /** Where the broker is and how to log in; with TLS, {@code ca} is the CA to trust (else the JVM's CAs). */
    record Broker(String host, int port, boolean tls, Optional<CaCertificate> ca, Optional<String> user,
                  Optional<char[]> password) {
        String uri() {
            return (tls ? "ssl://" : "tcp://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private final MqttClient client;
    private final Broker broker;

    private RetainedReader(MqttClient client, Broker broker) {
        this.client = client;
        this.broker = broker;
    }

    /** Connects to the broker of these settings, as verify does (TLS checked against the CA file when given). */
    public static RetainedReader connect(PicoConfig c) {
        return connect(new Broker(c.get(MqttSettings.BROKER).host(), c.get(MqttSettings.PORT), c.get(MqttSettings.TLS),
                c.find(MqttSettings.CA_FILE), c.find(MqttSettings.USERNAME),
                c.find(MqttSettings.PASSWORD).map(p -> p.reveal().toCharArray())));
    }

    static RetainedReader connect(Broker broker) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setConnectionTimeout(TIMEOUT_S);
        broker.user().ifPresent(o::setUserName);
        broker.password().ifPresent(o::setPassword);
        if (broker.tls()) {
            o.setSocketFactory(sslContext(broker.ca()).getSocketFactory());
            o.setHttpsHostnameVerificationEnabled(true);
        }
        try {
            MqttClient c = new MqttClient(broker.uri(), "picotool-ha-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
            c.setTimeToWait(TIMEOUT_S * 1000L);
            c.connect(o);
            return new RetainedReader(c, broker);
        } catch (MqttException e) {
            throw failure("cannot connect to the broker at " + broker.uri(), e);
        }
    }

    /** topic → payload of every retained message matching the filters (empty payloads are deletions: none). */
    public Map<String, byte[]> retained(List<String> filters) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        String marker = "picotool/ha-remove/" + UUID.randomUUID();
        CountDownLatch done = new CountDownLatch(1);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                done.countDown();
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                if (topic.equals(marker)) {
                    done.countDown();
                } else if (m.isRetained() && m.getPayload().length > 0 && m.getPayload().length <= MAX_PAYLOAD) {
                    synchronized (found) {
                        found.put(topic, m.getPayload());
                    }
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        try {
            String[] all = java.util.stream.Stream.concat(filters.stream(), java.util.stream.Stream.of(marker))
                    .toArray(String[]::new);
            client.subscribe(all, java.util.Arrays.stream(all).mapToInt(f -> QOS).toArray());
            client.publish(marker, new byte[] {1}, QOS, false);
            if (!done.await(TIMEOUT_S, TimeUnit.SECONDS) || !client.isConnected()) {
                throw new PicoToolException(ExitCode.BROKER, "the broker at " + broker.uri() + " did not deliver our "
                        + "own test message within " + TIMEOUT_S + " s", "check that this user may subscribe to "
                        + String.join(", ", filters) + " and publish to picotool/ha-remove/#");
            }
            client.unsubscribe(all);
        } catch (MqttException e) {
            throw failure("reading the retained messages from " + broker.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PicoToolException(ExitCode.BROKER, "interrupted", "");
        }
        synchronized (found) {
            return new LinkedHashMap<>(found);
        }
    }

    /** Deletes the retained message of a topic: an empty retained message (MQTT 3.1.1 section 3.3.1.3). */
    void clear(String topic) {
        try {
            client.publish(topic, new byte[0], QOS, true);
        } catch (MqttException e) {
            throw failure("clearing " + topic + " failed", e);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(TIMEOUT_S * 1000L);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing after the work is done: nothing left to lose
        }
    }

    private static PicoToolException failure(String what, MqttException e) {
        int rc = e.getReasonCode();
        String hint = rc == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                || rc == MqttException.REASON_CODE_NOT_AUTHORIZED
                ? "check --mqtt-user and the password source (env or file); this user must be allowed to publish "
                        + "retained messages under the discovery prefix"
                : "check --broker and the port, that the broker runs, and for TLS --tls/--ca-file";
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new PicoToolException(ExitCode.BROKER, what + ": " + cause.getMessage(), hint, e);
    }

    /** Trust exactly the configured CA (its certificate was checked when the settings were read), else the JVM's. */
    private static SSLContext sslContext(Optional<CaCertificate> ca) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (ca.isPresent()) {
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                trust.setCertificateEntry("ca", ca.get().certificate());
                tmf.init(trust);
            } else {
                tmf.init((KeyStore) null);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new PicoToolException(ExitCode.INTERNAL, "cannot set up TLS: " + e.getMessage(),
                    "this is a picotool bug; please report it", e);
        }
    }
}
