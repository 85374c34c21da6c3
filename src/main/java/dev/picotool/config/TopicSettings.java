package dev.picotool.config;

import java.util.List;

/** The {@code topics:} settings: where the firmware publishes, and so where verify listens. */
public final class TopicSettings {
    private TopicSettings() {
    }

    public static final Setting<String> INTERNAL = topic("internal", "pico/temperature/internal",
            "The RP2040's own temperature.", "TOPIC_INTERNAL");

    public static final Setting<String> TEMPERATURE = topic("temperature", "pico/temperature/dht22",
            "The sensor's temperature.", "TOPIC_TEMPERATURE");

    public static final Setting<String> HUMIDITY = topic("humidity", "pico/humidity/dht22",
            "The sensor's relative humidity.", "TOPIC_HUMIDITY");

    public static final Setting<String> STATUS = topic("status", "pico/status",
            "Retained online/offline (the last will).", "TOPIC_STATUS");

    static final List<Setting<?>> ALL = List.of(INTERNAL, TEMPERATURE, HUMIDITY, STATUS);

    private static Setting<String> topic(String name, String dflt, String help, String constant) {
        Setting.Builder<String> b = Setting.of("topics." + name, Types.topic(dflt)).flags("--topic-" + name)
                .label("TOPIC").help(help + " Default: " + dflt).byDefault(dflt).export(constant).display(v -> v);
        if (name.equals("temperature") || name.equals("humidity")) {
            b.shownWhen(c -> c.get(SensorSettings.TYPE) != SensorType.NONE);
        }
        return b.build();
    }
}
