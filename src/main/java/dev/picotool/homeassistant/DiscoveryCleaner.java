package dev.picotool.homeassistant;

import dev.picotool.config.HomeAssistantSettings;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.Placeholders;
import dev.picotool.config.TopicSettings;
import dev.picotool.verify.RetainedMessages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what a board left retained for Home Assistant, so no ghost device stays behind: its discovery documents in
 * both modes ({@code <prefix>/device/<id>/config} and {@code <prefix>/sensor/<id>_<sensor>/config}, see
 * firmware/hadiscovery.py) and its retained status and health report. Boards are found by the shape of those topics
 * (a 16-hex-digit board id) and by being picotool's (the document names picotool as its origin); the status and
 * diagnostics topics come from the same settings the boards were flashed with.
 */
public final class DiscoveryCleaner {
    /** The sensors hadiscovery.py announces, by the key in their unique id ({@code <board id>_<key>}). */
    static final List<String> SENSOR_KEYS = List.of("temperature", "humidity", "internal", "rssi", "uptime",
            "heap_free");
    private static final byte[] ORIGIN = "\"picotool\"".getBytes(StandardCharsets.UTF_8);

    /** The settings the boards were flashed with: where they announce themselves and keep their state. */
    public record Settings(String prefix, String statusTopic, String diagnosticsTopic, String deviceName) {
        public static Settings of(PicoConfig c) {
            return new Settings(c.get(HomeAssistantSettings.PREFIX), c.get(TopicSettings.STATUS),
                    c.get(TopicSettings.DIAGNOSTICS), c.get(HomeAssistantSettings.DEVICE_NAME));
        }
    }

    /** A board and the retained topics that belong to it ({@code found}: discovery documents seen on the broker). */
    public record Board(String id, List<String> found, List<String> topics) {
    }

    private final Settings settings;
    private final Pattern device;
    private final Pattern sensor;

    public DiscoveryCleaner(Settings settings) {
        this.settings = settings;
        String prefix = Pattern.quote(settings.prefix());
        this.device = Pattern.compile(prefix + "/device/([0-9a-f]{16})/config");
        this.sensor = Pattern.compile(prefix + "/sensor/([0-9a-f]{16})_(" + String.join("|", SENSOR_KEYS)
                + ")/config");
    }

    /** The topic filters under which picotool's discovery documents are retained. */
    List<String> filters() {
        return List.of(settings.prefix() + "/device/+/config", settings.prefix() + "/sensor/+/config");
    }

    /** Board id → the discovery topics of picotool boards among these retained messages, in order of appearance. */
    Map<String, List<String>> boards(Map<String, byte[]> retained) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        retained.forEach((topic, payload) -> {
            String id = boardOf(topic);
            if (id != null && contains(payload, ORIGIN)) {
                out.computeIfAbsent(id, k -> new ArrayList<>()).add(topic);
            }
        });
        return out;
    }

    /** Every retained topic of this board: discovery in both modes, whether seen or not, status, diagnostics. */
    Board board(String id, List<String> found) {
        Set<String> topics = new LinkedHashSet<>(found);
        topics.add(settings.prefix() + "/device/" + id + "/config");
        SENSOR_KEYS.forEach(k -> topics.add(settings.prefix() + "/sensor/" + id + "_" + k + "/config"));
        topics.add(Placeholders.expand(settings.statusTopic(), id, settings.deviceName()));
        topics.add(Placeholders.expand(settings.diagnosticsTopic(), id, settings.deviceName()));
        return new Board(id, List.copyOf(found), List.copyOf(topics));
    }

    /** Finds picotool's boards on the broker: all of them, or the given ids (found or not). */
    public List<Board> find(RetainedMessages reader, List<String> ids) {
        Map<String, List<String>> onBroker = boards(reader.read(filters()));
        List<Board> out = new ArrayList<>();
        if (ids.isEmpty()) {
            onBroker.forEach((id, found) -> out.add(board(id, found)));
        } else {
            ids.forEach(id -> out.add(board(id, onBroker.getOrDefault(id, List.of()))));
        }
        return out;
    }

    /** Clears every topic of these boards; returns the discovery documents still retained afterwards (none). */
    public List<String> clear(RetainedMessages reader, List<Board> boards) {
        boards.forEach(b -> reader.clear(b.topics()));
        Map<String, List<String>> left = boards(reader.read(filters()));
        List<String> remaining = new ArrayList<>();
        boards.forEach(b -> remaining.addAll(left.getOrDefault(b.id(), List.of())));
        return remaining;
    }

    private String boardOf(String topic) {
        Matcher m = device.matcher(topic);
        if (m.matches()) {
            return m.group(1);
        }
        m = sensor.matcher(topic);
        return m.matches() ? m.group(1) : null;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
