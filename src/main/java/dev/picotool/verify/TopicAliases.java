package dev.picotool.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
 * the packets between Paho and the socket: the broker sees the real topic, Paho only ever sees the alias.
 */
final class TopicAliases {
    private static final String PREFIX = "picotool-alias/";

    private final Map<String, String> aliasToTopic = new HashMap<>();
    private final Map<String, String> topicToAlias = new HashMap<>();
    private final Map<ByteBuffer, byte[]> inbound = new HashMap<>();
    private final Map<ByteBuffer, byte[]> outbound = new HashMap<>();

    private TopicAliases() {
    }

    /** Aliases for those of {@code topics} that Paho cannot carry; distinct from every one of them. */
    static TopicAliases of(Collection<String> topics) {
        TopicAliases a = new TopicAliases();
        Set<String> taken = new HashSet<>(topics);
        int n = 0;
        for (String topic : topics) {
            if (pahoCanCarry(topic) || a.topicToAlias.containsKey(topic)) {
                continue;
            }
            String alias;
            do {
                alias = PREFIX + n++;
            } while (taken.contains(alias));
            taken.add(alias);
            a.aliasToTopic.put(alias, topic);
            a.topicToAlias.put(topic, alias);
            byte[] real = topic.getBytes(StandardCharsets.UTF_8);
            byte[] stand = alias.getBytes(StandardCharsets.UTF_8);
            a.inbound.put(ByteBuffer.wrap(real), stand);
            a.outbound.put(ByteBuffer.wrap(stand), real);
        }
        return a;
    }

    /** True when Paho 1.2.5's check lets every char of {@code topic} through (see the class comment). */
    static boolean pahoCanCarry(String topic) {
        return topic.chars().noneMatch(c -> Character.isSurrogate((char) c) || Character.isISOControl(c)
                || c >= 0xFDD0);
    }

    boolean isEmpty() {
        return aliasToTopic.isEmpty();
    }

    /** The name to give Paho for {@code topic}. */
    String forClient(String topic) {
        return topicToAlias.getOrDefault(topic, topic);
    }

    /** The real topic of a name Paho reports. */
    String fromClient(String name) {
        return aliasToTopic.getOrDefault(name, name);
    }

    /** A topic as the broker sent it (UTF-8), as Paho may read it. */
    byte[] inbound(byte[] topic) {
        return inbound.getOrDefault(ByteBuffer.wrap(topic), topic);
    }

    /** A topic as Paho wrote it (UTF-8), as the broker must see it. */
    byte[] outbound(byte[] topic) {
        return outbound.getOrDefault(ByteBuffer.wrap(topic), topic);
    }
}
