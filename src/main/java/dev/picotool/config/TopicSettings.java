package dev.picotool.config;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code topics:} settings: where the firmware publishes, and so where verify listens. Each may hold the board's
 * placeholders ({@link Placeholders}); the reading topics keep the seed's defaults, the board's own state (status,
 * diagnostics) is per board by default.
 */
public final class TopicSettings {
    private TopicSettings() {
    }

    public static final Setting<String> INTERNAL = topic("internal", "pico/temperature/internal",
            "The RP2040's own temperature.", "TOPIC_INTERNAL");

    public static final Setting<String> TEMPERATURE = topic("temperature", "pico/temperature/dht22",
            "The sensor's temperature.", "TOPIC_TEMPERATURE");

    public static final Setting<String> HUMIDITY = topic("humidity", "pico/humidity/dht22",
            "The sensor's relative humidity.", "TOPIC_HUMIDITY");

    public static final Setting<String> STATUS = topic("status", "pico/{id}/status",
            "Retained online/offline (the last will).", "TOPIC_STATUS");

    public static final Setting<String> DIAGNOSTICS = topic("diagnostics", "pico/{id}/diagnostics",
            "Retained health report (JSON: uptime, Wi-Fi signal, memory, reconnects).", "TOPIC_DIAGNOSTICS");

    static final List<Setting<?>> ALL = List.of(INTERNAL, TEMPERATURE, HUMIDITY, STATUS, DIAGNOSTICS);

    private static Setting<String> topic(String name, String dflt, String help, String constant) {
        Setting.Builder<String> b = Setting.of("topics." + name, Types.topicTemplate(dflt)).flags("--topic-" + name)
                .label("TOPIC").help(help + " Default: " + dflt + " ({id}, {id4} and {name} are filled in by the "
                        + "board).").byDefault(dflt).firmwareCheck(TopicSettings::checkName).export(constant)
                .display(v -> v);
        if (name.equals("temperature") || name.equals("humidity")) {
            b.shownWhen(c -> c.get(SensorSettings.TYPE) != SensorType.NONE);
        }
        if (name.equals("diagnostics")) {
            b.shownWhen(c -> c.get(DeviceSettings.DIAGNOSTICS_INTERVAL) > 0);
        }
        return b.build();
    }

    /** With {name} in it, the topic's length and characters depend on the device name. */
    private static void checkName(String topic, Resolver r) throws Invalid {
        if (!Placeholders.uses(topic, Placeholders.NAME)) {
            return;
        }
        String name = Placeholders.expand(r.get(HomeAssistantSettings.DEVICE_NAME), "0".repeat(16), "");
        if (name.contains("/") || name.contains("+") || name.contains("#")) {
            throw new Invalid("uses {name}, but the device name '" + name + "' contains /, + or #, which change a "
                    + "topic's meaning", "rename the device (--device-name) or write the topic without {name}");
        }
        int bytes = Placeholders.expandedBytes(topic, name.getBytes(StandardCharsets.UTF_8).length);
        if (bytes > Types.MAX_TOPIC_BYTES) {
            throw new Invalid("is " + bytes + " bytes once {name} is filled in; picotool allows "
                    + Types.MAX_TOPIC_BYTES, "use a shorter topic or device name");
        }
    }
}
