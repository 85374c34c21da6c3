package dev.picotool.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-in names for the topics Paho cannot carry.
 *
 * <p>Eclipse Paho mqttv3 1.2.5 (its last release) checks every topic it encodes or decodes in
 * {@code MqttWireMessage.validateUTF8String}, and that check is wrong in two ways (read from the 1.2.5 bytecode):
 * after a high surrogate it flags the string as bad when the next char <em>is</em> a low surrogate (the test is
 * inverted), so every character outside the Basic Multilingual Plane, such as the emoji in {@code pico/🌡}, fails
 * with "Invalid UTF-8 char: [d83c]"; and it refuses every char from U+FDD0 up, fullwidth forms and U+FFFD included.
 * On subscribe that is an exception; on a received PUBLISH the whole connection is dropped, again for each message.
 *
 * <p>So Paho is given a plain alias for each such topic, and {@link MqttWireFilter} swaps alias and real topic in
 * the packets between Paho and the socket: the broker sees the real topic, Paho only ever sees the alias. A topic
 * that arrives through a wildcard subscription ({@code pico/🌡/+}) gets its alias when it first arrives.
 */
final class TopicAliases {
    private static final String PREFIX = "picotool-alias/";
    /**
     * Aliases made for topics that arrive through a wildcard, at most: a broker sending ever new topics must not
     * fill the memory. Beyond it such topics all share {@link #OVERFLOW}, which matches no expected topic.
     */
    static final int MAX_ARRIVED = 10_000;
    static final String OVERFLOW = PREFIX + "overflow";

    // Paho's receiving thread adds aliases for arriving topics while its callback thread looks them up.
    private final Map<String, String> aliasToTopic = new ConcurrentHashMap<>();
    private final Map<String, String> topicToAlias = new ConcurrentHashMap<>();
    private final Map<ByteBuffer, byte[]> inbound = new ConcurrentHashMap<>();
    private final Map<ByteBuffer, byte[]> outbound = new ConcurrentHashMap<>();
    private final Set<String> taken = ConcurrentHashMap.newKeySet();
    private int next;
    private int arrived;

    private TopicAliases() {
    }

    /** Aliases for those of {@code topics} that Paho cannot carry; distinct from every one of them. */
    static TopicAliases of(Collection<String> topics) {
        TopicAliases a = new TopicAliases();
        a.taken.addAll(topics);
        for (String topic : topics) {
            if (!pahoCanCarry(topic) && !a.topicToAlias.containsKey(topic)) {
                a.add(topic);
            }
        }
        return a;
    }

    private synchronized String add(String topic) {
        String known = topicToAlias.get(topic);
        if (known != null) {
            return known;
        }
        String alias;
        do {
            alias = PREFIX + next++;
        } while (taken.contains(alias) || alias.equals(OVERFLOW));
        taken.add(alias);
        aliasToTopic.put(alias, topic);
        topicToAlias.put(topic, alias);
        byte[] real = topic.getBytes(StandardCharsets.UTF_8);
        byte[] stand = alias.getBytes(StandardCharsets.UTF_8);
        inbound.put(ByteBuffer.wrap(real), stand);
        outbound.put(ByteBuffer.wrap(stand), real);
        return alias;
    }

    /** True when Paho 1.2.5's check lets every char of {@code topic} through (see the class comment). */
    static boolean pahoCanCarry(String topic) {
        return topic.chars().noneMatch(c -> Character.isSurrogate((char) c) || Character.isISOControl(c)
                || c >= 0xFDD0);
    }

    boolean isEmpty() {
        return aliasToTopic.isEmpty();
    }

    /** The name to give Paho for {@code topic}; one Paho cannot carry gets an alias now (to publish there). */
    String forClient(String topic) {
        String known = topicToAlias.get(topic);
        return known != null ? known : pahoCanCarry(topic) ? topic : add(topic);
    }

    /** The real topic of a name Paho reports. */
    String fromClient(String name) {
        return aliasToTopic.getOrDefault(name, name);
    }

    /** A topic as the broker sent it (UTF-8), as Paho may read it; one Paho cannot carry gets an alias now. */
    byte[] inbound(byte[] topic) {
        byte[] known = inbound.get(ByteBuffer.wrap(topic));
        if (known != null) {
            return known;
        }
        String text = new String(topic, StandardCharsets.UTF_8);
        if (pahoCanCarry(text)) {
            return topic;
        }
        synchronized (this) {
            if (arrived >= MAX_ARRIVED) {
                return OVERFLOW.getBytes(StandardCharsets.UTF_8);
            }
            arrived++;
            return add(text).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A topic as Paho wrote it (UTF-8), as the broker must see it. */
    byte[] outbound(byte[] topic) {
        return outbound.getOrDefault(ByteBuffer.wrap(topic), topic);
    }
}
