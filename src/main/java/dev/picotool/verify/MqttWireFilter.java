package dev.picotool.verify;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;

/**
 * The bytes between Paho and the broker, packet by packet (MQTT 3.1.1, OASIS standard, section 2: a first byte
 * with the packet type in its high nibble, then the remaining length in 1 to 4 bytes of 7 bits). Two changes, the
 * rest passes as it is:
 * <ul>
 *   <li>topics Paho cannot carry are swapped with their {@link TopicAliases alias}: in PUBLISH packets both ways
 *   (section 3.3) and in the SUBSCRIBE packets Paho sends (section 3.8);</li>
 *   <li>a received payload longer than {@code maxPayload} is cut to that length before Paho reads it into memory,
 *   so a hostile 50 MB message costs at most {@code maxPayload} bytes (the packet id stays, Paho still acknowledges
 *   it).</li>
 * </ul>
 */
final class MqttWireFilter {
    /** Packet types (section 2.2.1). */
    private static final int PUBLISH = 3;
    private static final int SUBSCRIBE = 8;
    /** The remaining length takes at most 4 bytes (section 2.2.3); each carries 7 bits and a continuation bit. */
    private static final int MAX_LENGTH_BYTES = 4;
    private static final int CONTINUE = 0x80;
    private static final int PUBLISH_QOS_SHIFT = 1;
    private static final byte[] NONE = new byte[0];

    private MqttWireFilter() {
    }

    static InputStream inbound(InputStream in, TopicAliases aliases, int maxPayload) {
        return new Inbound(in, aliases, maxPayload);
    }

    static OutputStream outbound(OutputStream out, TopicAliases aliases) {
        return new Outbound(out, aliases);
    }

    /** Broker to Paho. Paho reads with a 1 s socket timeout and retries; a timeout between packets loses nothing. */
    private static final class Inbound extends InputStream {
        private final InputStream in;
        private final TopicAliases aliases;
        private final int maxPayload;
        private byte[] head = NONE;
        private int headPos;
        private long copy;
        private long skip;

        Inbound(InputStream in, TopicAliases aliases, int maxPayload) {
            this.in = in;
            this.aliases = aliases;
            this.maxPayload = maxPayload;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n;
            do {
                n = read(one, 0, 1);
            } while (n == 0);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (headPos == head.length && copy == 0) {
                while (skip > 0) {
                    int n = in.read(new byte[(int) Math.min(skip, 8192)]);
                    if (n < 0) {
                        throw cut();
                    }
                    skip -= n;
                }
                if (!nextPacket()) {
                    return -1;
                }
            }
            if (headPos < head.length) {
                int n = Math.min(len, head.length - headPos);
                System.arraycopy(head, headPos, b, off, n);
                headPos += n;
                return n;
            }
            int n = in.read(b, off, (int) Math.min(len, copy));
            if (n < 0) {
                throw cut();
            }
            copy -= n;
            return n;
        }

        /** Reads the next packet's header (and a PUBLISH's topic); false at the end of the stream. */
        private boolean nextPacket() throws IOException {
            int first = in.read(); // a timeout here leaves nothing half-read
            if (first < 0) {
                return false;
            }
            long remaining = readLength();
            if (first >>> 4 != PUBLISH) {
                head = concat(new byte[] {(byte) first}, lengthBytes(remaining));
                headPos = 0;
                copy = remaining;
                return true;
            }
            int topicLength = readByte() << 8 | readByte();
            byte[] topic = readFully(topicLength);
            byte[] packetId = (first >>> PUBLISH_QOS_SHIFT & 0x03) > 0 ? readFully(2) : NONE;
            long payload = remaining - 2 - topicLength - packetId.length;
            if (payload < 0) {
                throw new IOException("malformed PUBLISH from the broker: remaining length " + remaining);
            }
            byte[] name = aliases.inbound(topic);
            long kept = Math.min(payload, maxPayload);
            head = concat(new byte[] {(byte) first}, lengthBytes(2 + name.length + packetId.length + kept),
                    new byte[] {(byte) (name.length >>> 8), (byte) name.length}, name, packetId);
            headPos = 0;
            copy = kept;
            skip = payload - kept;
            return true;
        }

        private long readLength() throws IOException {
            long value = 0;
            for (int i = 0; i < MAX_LENGTH_BYTES; i++) {
                int digit = readByte();
                value |= (long) (digit & 0x7F) << 7 * i;
                if ((digit & CONTINUE) == 0) {
                    return value;
                }
            }
            throw new IOException("malformed packet from the broker: remaining length over 4 bytes");
        }

        private byte[] readFully(int n) throws IOException {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) readByte();
            }
            return b;
        }

        /** One byte inside a packet: its sender is mid-way, so a read timeout means "wait on", not "give up". */
        private int readByte() throws IOException {
            while (true) {
                try {
                    int b = in.read();
                    if (b < 0) {
                        throw cut();
                    }
                    return b;
                } catch (SocketTimeoutException midPacket) {
                    // Paho's keep-alive closes the socket if the broker never finishes; that ends this loop.
                }
            }
        }

        private static EOFException cut() {
            return new EOFException("the broker closed the connection in the middle of a packet");
        }

        @Override
        public int available() throws IOException {
            return headPos < head.length ? head.length - headPos : copy > 0 ? (int) Math.min(copy, in.available())
                    : 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Paho to broker: whole packets are passed on as they complete; SUBSCRIBE topics are swapped back. */
    private static final class Outbound extends OutputStream {
        private final OutputStream out;
        private final TopicAliases aliases;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Outbound(OutputStream out, TopicAliases aliases) {
            this.out = out;
            this.aliases = aliases;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            pending.write(b);
            drain();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            pending.write(b, off, len);
            drain();
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        private void drain() throws IOException {
            byte[] buf = pending.toByteArray();
            int pos = 0;
            while (buf.length - pos >= 2) {
                long remaining = 0;
                int i = pos + 1;
                boolean complete = false;
                for (int k = 0; k < MAX_LENGTH_BYTES && i < buf.length; k++) {
                    int digit = buf[i++] & 0xFF;
                    remaining |= (long) (digit & 0x7F) << 7 * k;
                    if ((digit & CONTINUE) == 0) {
                        complete = true;
                        break;
                    }
                }
                if (!complete || buf.length - i < remaining) {
                    break; // the rest of this packet is still to come
                }
                int end = i + (int) remaining;
                if ((buf[pos] & 0xFF) >>> 4 == SUBSCRIBE) {
                    out.write(subscribe(buf[pos], buf, i, end));
                } else if ((buf[pos] & 0xFF) >>> 4 == PUBLISH) {
                    out.write(publish(buf[pos], buf, i, end));
                } else {
                    out.write(buf, pos, end - pos);
                }
                pos = end;
            }
            pending.reset();
            pending.write(buf, pos, buf.length - pos);
        }

        /** PUBLISH: topic length, topic, the rest (packet id, payload) as it is. */
        private byte[] publish(byte first, byte[] buf, int from, int end) throws IOException {
            if (from + 2 > end) {
                throw new IOException("malformed PUBLISH from the MQTT client");
            }
            int n = (buf[from] & 0xFF) << 8 | buf[from + 1] & 0xFF;
            if (from + 2 + n > end) {
                throw new IOException("malformed PUBLISH from the MQTT client");
            }
            byte[] topic = aliases.outbound(java.util.Arrays.copyOfRange(buf, from + 2, from + 2 + n));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(topic.length >>> 8);
            body.write(topic.length);
            body.write(topic);
            body.write(buf, from + 2 + n, end - from - 2 - n);
            byte[] b = body.toByteArray();
            return concat(new byte[] {first}, lengthBytes(b.length), b);
        }

        /** SUBSCRIBE: packet id, then (topic length, topic, requested QoS) per subscription. */
        private byte[] subscribe(byte first, byte[] buf, int from, int end) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(buf, from, 2);
            int i = from + 2;
            while (i + 2 <= end) {
                int n = (buf[i] & 0xFF) << 8 | buf[i + 1] & 0xFF;
                if (i + 2 + n + 1 > end) {
                    throw new IOException("malformed SUBSCRIBE from the MQTT client");
                }
                byte[] topic = aliases.outbound(java.util.Arrays.copyOfRange(buf, i + 2, i + 2 + n));
                body.write(topic.length >>> 8);
                body.write(topic.length);
                body.write(topic);
                body.write(buf[i + 2 + n]);
                i += 2 + n + 1;
            }
            byte[] b = body.toByteArray();
            return concat(new byte[] {first}, lengthBytes(b.length), b);
        }
    }

    /** The remaining-length encoding (section 2.2.3). */
    static byte[] lengthBytes(long value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(MAX_LENGTH_BYTES);
        long v = value;
        do {
            int digit = (int) (v & 0x7F);
            v >>>= 7;
            b.write(v > 0 ? digit | CONTINUE : digit);
        } while (v > 0);
        return b.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
