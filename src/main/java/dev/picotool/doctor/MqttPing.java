package dev.picotool.doctor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The smallest MQTT 3.1.1 conversation that proves a broker is there: CONNECT (clean session, no login), read the
 * CONNACK, DISCONNECT. Packet layouts from the MQTT 3.1.1 OASIS standard, sections 3.1 (CONNECT), 3.2 (CONNACK) and
 * 3.14 (DISCONNECT).
 */
final class MqttPing implements BrokerProbe {
    static final int CONNECT = 0x10;           // packet type 1, flags 0
    static final int CONNACK = 0x20;           // packet type 2
    static final int CONNACK_REMAINING = 0x02; // acknowledge flags + return code
    static final byte[] DISCONNECT = {(byte) 0xE0, 0x00};
    static final byte[] PROTOCOL_NAME = {0x00, 0x04, 'M', 'Q', 'T', 'T'};
    static final int PROTOCOL_LEVEL = 0x04;    // 3.1.1
    static final int FLAG_CLEAN_SESSION = 0x02;
    static final int KEEPALIVE_SECONDS = 10;

    @Override
    public Answer probe(String host, int port, boolean tls, Duration timeout) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            if (tls) {
                return new Answer(Outcome.TCP_ONLY, -1, "");
            }
            s.setSoTimeout((int) timeout.toMillis());
            s.getOutputStream().write(connect("picotool-doctor-" + Long.toHexString(ThreadLocalRandom.current()
                    .nextLong() & 0xffffffL)));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            int type = in.read();
            int length = in.read();
            in.read(); // acknowledge flags: session present, which a clean session never has
            int code = in.read();
            if (type != CONNACK || length != CONNACK_REMAINING || code < 0) {
                return new Answer(Outcome.NOT_MQTT, -1, type < 0 ? "it closed the connection" : String.format(
                        "it sent 0x%02x instead of a CONNACK", type));
            }
            s.getOutputStream().write(DISCONNECT);
            return new Answer(Outcome.ANSWERED, code, "");
        } catch (ConnectException e) {
            return new Answer(Outcome.REFUSED, -1, "connection refused");
        } catch (SocketTimeoutException e) {
            return new Answer(Outcome.TIMED_OUT, -1, "timed out");
        } catch (UnknownHostException e) {
            return new Answer(Outcome.UNREACHABLE, -1, "unknown host name " + host);
        } catch (NoRouteToHostException e) {
            return new Answer(Outcome.UNREACHABLE, -1, "no route to the host");
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return new Answer(Outcome.UNREACHABLE, -1, e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()));
        }
    }

    /** CONNECT: fixed header, protocol name and level, flags, keepalive, then the client id as the payload. */
    static byte[] connect(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(PROTOCOL_NAME);
        body.write(PROTOCOL_LEVEL);
        body.write(FLAG_CLEAN_SESSION);
        body.write(KEEPALIVE_SECONDS >> 8);
        body.write(KEEPALIVE_SECONDS & 0xff);
        body.write(id.length >> 8);
        body.write(id.length & 0xff);
        body.writeBytes(id);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(CONNECT);
        packet.write(body.size()); // under 128 bytes: the remaining length fits one byte
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }
}
