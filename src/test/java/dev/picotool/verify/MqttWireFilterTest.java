package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packet rewriting between Paho and the socket, on bytes built by hand (MQTT 3.1.1 section 3.3 and 3.8). */
class MqttWireFilterTest {
    static final String EMOJI = "pico/🌡";
    final TopicAliases aliases = TopicAliases.of(List.of("pico/plain", EMOJI));
    final String alias = aliases.forClient(EMOJI);

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] publish(int qos, String topic, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] t = utf8(topic);
        body.write(t.length >>> 8);
        body.write(t.length);
        body.writeBytes(t);
        if (qos > 0) {
            body.write(0x12);
            body.write(0x34);
        }
        body.writeBytes(payload);
        return packet(0x30 | qos << 1, body.toByteArray());
    }

    static byte[] packet(int first, byte[] body) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(first);
        p.writeBytes(MqttWireFilter.lengthBytes(body.length));
        p.writeBytes(body);
        return p.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    byte[] inbound(byte[] wire, int maxPayload) throws IOException {
        return MqttWireFilter.inbound(new ByteArrayInputStream(wire), aliases, maxPayload).readAllBytes();
    }

    @Test
    void aReceivedTopicPahoCannotReadArrivesUnderItsAliasAndOthersAsTheyAre() throws IOException {
        byte[] pingResp = {(byte) 0xD0, 0};
        byte[] wire = concat(publish(1, EMOJI, utf8("21.5")), pingResp, publish(0, "pico/plain", utf8("22")));

        assertThat(inbound(wire, 100)).isEqualTo(concat(publish(1, alias, utf8("21.5")), pingResp,
                publish(0, "pico/plain", utf8("22"))));
        assertThat(alias).startsWith("picotool-alias/");
        assertThat(aliases.fromClient(alias)).isEqualTo(EMOJI);
        assertThat(aliases.forClient("pico/plain")).isEqualTo("pico/plain");
    }

    @Test
    void aLongPayloadIsCutToTheLimitAndTheNextPacketIsIntact() throws IOException {
        byte[] big = new byte[300_000];
        java.util.Arrays.fill(big, (byte) '[');
        byte[] wire = concat(publish(1, "pico/plain", big), publish(0, EMOJI, utf8("21.5")));

        assertThat(inbound(wire, 10)).isEqualTo(concat(publish(1, "pico/plain", "[".repeat(10).getBytes(
                StandardCharsets.US_ASCII)), publish(0, alias, utf8("21.5"))));
    }

    @Test
    void aTimeoutInsideAPacketWaitsOnAndOneBetweenPacketsReachesPaho() throws IOException {
        byte[] wire = publish(0, EMOJI, utf8("21.5"));
        InputStream in = MqttWireFilter.inbound(new Stutter(wire, 3), aliases, 100);
        byte[] got = in.readNBytes(publish(0, alias, utf8("21.5")).length);
        assertThat(got).isEqualTo(publish(0, alias, utf8("21.5")));

        InputStream idle = MqttWireFilter.inbound(new Stutter(new byte[0], 0), aliases, 100);
        assertThatThrownBy(idle::read).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void aConnectionCutInsideAPacketIsAnError() {
        byte[] wire = publish(0, EMOJI, utf8("21.5"));
        byte[] cut = java.util.Arrays.copyOf(wire, 6);
        assertThatThrownBy(() -> inbound(cut, 100)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> inbound(new byte[] {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1},
                100)).isInstanceOf(IOException.class).hasMessageContaining("over 4 bytes");
    }

    @Test
    void subscribeGoesOutWithTheRealTopicEvenWhenWrittenInPieces() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        OutputStream out = MqttWireFilter.outbound(wire, aliases);
        byte[] connect = packet(0x10, utf8("connect-body"));
        byte[] sub = packet(0x82, concat(new byte[] {0, 7}, topic(alias), new byte[] {1}, topic("pico/plain"),
                new byte[] {1}));
        byte[] both = concat(connect, sub);
        out.write(both, 0, 5);
        out.write(both, 5, 9);
        out.write(both, 14, both.length - 14);
        out.flush();

        assertThat(wire.toByteArray()).isEqualTo(concat(connect, packet(0x82, concat(new byte[] {0, 7},
                topic(EMOJI), new byte[] {1}, topic("pico/plain"), new byte[] {1}))));
    }

    @Test
    void aliasesNeverCollideWithRealTopicsAndOnlyCoverWhatPahoCannotCarry() {
        TopicAliases a = TopicAliases.of(List.of("picotool-alias/0", "a/🌡", "b/ｔ", "c/\u0085", "d/ok é ü"));
        assertThat(a.forClient("a/🌡")).isEqualTo("picotool-alias/1");
        assertThat(a.forClient("b/ｔ")).isEqualTo("picotool-alias/2");
        assertThat(a.forClient("c/\u0085")).isEqualTo("picotool-alias/3");
        assertThat(a.forClient("d/ok é ü")).isEqualTo("d/ok é ü");
        assertThat(TopicAliases.pahoCanCarry("pico/temperature/dht22")).isTrue();
        assertThat(TopicAliases.pahoCanCarry("pico/\uFFFD")).isFalse();
    }

    /** {id} topics are subscribed with +: a topic Paho cannot carry gets its alias when it first arrives. */
    @Test
    void aTopicArrivingThroughAWildcardGetsItsAliasThenAndOnlyUpToALimit() throws IOException {
        TopicAliases a = TopicAliases.of(List.of("pico/🌡/+"));
        String arrived = "pico/🌡/e6614103e7a1b2c3";
        String name = new String(a.inbound(utf8(arrived)), StandardCharsets.UTF_8);
        assertThat(name).startsWith("picotool-alias/").isNotEqualTo(a.forClient("pico/🌡/+"));
        assertThat(a.fromClient(name)).isEqualTo(arrived);
        assertThat(a.inbound(utf8(arrived))).isEqualTo(utf8(name));
        assertThat(a.inbound(utf8("pico/plain/x"))).isEqualTo(utf8("pico/plain/x"));
        for (int i = 0; i < TopicAliases.MAX_ARRIVED; i++) {
            a.inbound(utf8("pico/🌡/" + i));
        }
        assertThat(a.inbound(utf8("pico/🌡/one-too-many"))).isEqualTo(utf8(TopicAliases.OVERFLOW));
        assertThat(a.fromClient(TopicAliases.OVERFLOW)).isEqualTo(TopicAliases.OVERFLOW);
    }

    /** ha remove clears retained topics: a PUBLISH Paho writes under an alias goes out with the real topic. */
    @Test
    void aPublishGoesOutWithTheRealTopic() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        OutputStream out = MqttWireFilter.outbound(wire, aliases);
        out.write(concat(publish(1, alias, new byte[0]), publish(0, "pico/plain", utf8("x"))));
        out.flush();

        assertThat(wire.toByteArray()).isEqualTo(concat(publish(1, EMOJI, new byte[0]),
                publish(0, "pico/plain", utf8("x"))));
    }

    static byte[] topic(String t) {
        byte[] b = utf8(t);
        return concat(new byte[] {(byte) (b.length >>> 8), (byte) b.length}, b);
    }

    /** Serves {@code data}, but times out once after byte {@code timeoutAfter} (and whenever it runs dry). */
    private static final class Stutter extends InputStream {
        private final byte[] data;
        private final int timeoutAfter;
        private int pos;
        private boolean stuttered;

        Stutter(byte[] data, int timeoutAfter) {
            this.data = data;
            this.timeoutAfter = timeoutAfter;
        }

        @Override
        public int read() throws IOException {
            if (pos == timeoutAfter && !stuttered || pos == data.length) {
                stuttered = true;
                throw new SocketTimeoutException("Read timed out");
            }
            return data[pos++] & 0xFF;
        }
    }
}
