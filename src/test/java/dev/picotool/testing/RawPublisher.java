package dev.picotool.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An MQTT 3.1.1 publisher written byte by byte (CONNECT, then QoS 0 PUBLISH packets), for what Paho cannot send:
 * topics outside the Basic Multilingual Plane, payloads of any size. No process arguments, so no locale in the way.
 */
public final class RawPublisher implements AutoCloseable {
    private static final int CONNECT = 0x10;
    private static final int PUBLISH_QOS0 = 0x30;
    private static final int CONNACK_ACCEPTED = 0;

    private final Socket socket;
    private final OutputStream out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "raw-publisher");
        t.setDaemon(true);
        return t;
    });

    private RawPublisher(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    public static RawPublisher connect(TestBroker broker) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", broker.port()), 5_000);
            s.setSoTimeout(5_000);
            RawPublisher p = new RawPublisher(s);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            string(body, "MQTT".getBytes(StandardCharsets.US_ASCII));
            body.write(4);    // protocol level 4 = MQTT 3.1.1
            body.write(0x02); // clean session
            body.write(0);
            body.write(60);   // keep-alive 60 s
            string(body, ("raw-" + System.nanoTime() % 100_000).getBytes(StandardCharsets.US_ASCII));
            p.send(CONNECT, body.toByteArray());
            byte[] connack = new byte[4];
            new DataInputStream(s.getInputStream()).readFully(connack);
            if (connack[3] != CONNACK_ACCEPTED) {
                throw new IllegalStateException("broker refused the raw publisher: CONNACK " + connack[3]);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("raw publisher cannot connect to " + broker, e);
        }
    }

    public void publish(String topic, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(payload);
        try {
            send(PUBLISH_QOS0, body.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes {@code payload} on {@code topic} now and then every {@code interval}, until closed. */
    public RawPublisher every(Duration interval, String topic, String payload) {
        timer.scheduleAtFixedRate(() -> publish(topic, payload.getBytes(StandardCharsets.UTF_8)), 0,
                interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private synchronized void send(int first, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(first);
        long n = body.length;
        do {
            int digit = (int) (n & 0x7F);
            n >>>= 7;
            packet.write(n > 0 ? digit | 0x80 : digit);
        } while (n > 0);
        packet.writeBytes(body);
        out.write(packet.toByteArray());
        out.flush();
    }

    private static void string(ByteArrayOutputStream b, byte[] s) {
        b.write(s.length >>> 8);
        b.write(s.length & 0xFF);
        b.writeBytes(s);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            socket.close();
        } catch (IOException e) {
            // Test over.
        }
    }
}
