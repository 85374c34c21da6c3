package dev.picotool.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.EmbeddedTestBroker;
import dev.picotool.testing.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MqttPingTest {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void connectIsTheMqtt311PacketByteForByte() {
        // 0x10, remaining length 18; "MQTT", level 4, clean session, keepalive 10; client id "abcdef"
        assertThat(HexFormat.of().formatHex(MqttPing.connect("abcdef"))).isEqualTo("1012" + "00044d515454" + "04"
                + "02" + "000a" + "0006616263646566");
    }

    @Test
    void aBrokerAnswersWithConnack() {
        try (EmbeddedTestBroker b = EmbeddedTestBroker.anonymous()) {
            BrokerProbe.Answer a = new MqttPing().probe("127.0.0.1", b.port(), false, TIMEOUT);
            assertThat(a.outcome()).isEqualTo(BrokerProbe.Outcome.ANSWERED);
            assertThat(a.connackCode()).isZero();
        }
        try (EmbeddedTestBroker b = EmbeddedTestBroker.withPassword("pico", "secretpass")) {
            BrokerProbe.Answer a = new MqttPing().probe("127.0.0.1", b.port(), false, TIMEOUT);
            assertThat(a.outcome()).isEqualTo(BrokerProbe.Outcome.ANSWERED);
            assertThat(a.connackCode()).isIn(4, 5);
        }
    }

    @Test
    void nothingListeningIsRefused() {
        assertThat(new MqttPing().probe("127.0.0.1", Ports.free(), false, TIMEOUT).outcome())
                .isEqualTo(BrokerProbe.Outcome.REFUSED);
    }

    @Test
    void aWebServerIsNotMqttAndASilentOneTimesOut() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> http = CompletableFuture.runAsync(() -> answer(server, "HTTP/1.1 400 Bad Request"
                    + "\r\n\r\n"));
            BrokerProbe.Answer a = new MqttPing().probe("127.0.0.1", server.getLocalPort(), false, TIMEOUT);
            assertThat(a.outcome()).isEqualTo(BrokerProbe.Outcome.NOT_MQTT);
            assertThat(a.detail()).isEqualTo("it sent 0x48 instead of a CONNACK");
            http.join();
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // accepted by the kernel's backlog, never answered
            BrokerProbe.Answer a = new MqttPing().probe("127.0.0.1", server.getLocalPort(), false,
                    Duration.ofMillis(300));
            assertThat(a.outcome()).isEqualTo(BrokerProbe.Outcome.TIMED_OUT);
        }
        assertThat(new MqttPing().probe("no-such-host.invalid", 1883, false, TIMEOUT).outcome())
                .isEqualTo(BrokerProbe.Outcome.UNREACHABLE);
    }

    private static void answer(ServerSocket server, String reply) {
        try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            in.read(new byte[64]);
            out.write(reply.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
