package dev.picotool.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every setting, in the order {@code validate} shows them and {@code settings.py} lists them, and the rules that
 * span several settings. Adding a setting means one entry in one of the group classes (and the firmware code that
 * uses it): loading, flags, validation, the printout and {@code settings.py} follow from it.
 */
public final class Schema {
    /** A rule about several settings at once, reported under one field. */
    @FunctionalInterface
    interface CrossCheck {
        void test(Resolver r) throws Invalid;
    }

    private record Rule(String field, CrossCheck check) {
    }

    public static final List<Setting<?>> ALL = Stream.of(WifiSettings.ALL, MqttSettings.ALL, TopicSettings.ALL,
            SensorSettings.ALL, CalibrationSettings.ALL, HomeAssistantSettings.ALL, DeviceSettings.ALL)
            .flatMap(List::stream).toList();

    /** The titles of the groups in settings.py, by the first part of the key ({@code wifi.ssid} → Wi-Fi). */
    static final Map<String, String> GROUPS = Map.ofEntries(Map.entry("wifi", "Wi-Fi"),
            Map.entry("mqtt", "MQTT broker"), Map.entry("topics", "Topics"), Map.entry("sensor", "Sensor and readings"),
            Map.entry("interval", "Sensor and readings"), Map.entry("payload", "Sensor and readings"),
            Map.entry("calibration", "Calibration (added on the board before publishing)"),
            Map.entry("home_assistant", "Home Assistant"), Map.entry("device_name", "Home Assistant"),
            Map.entry("watchdog", "Device"), Map.entry("led", "Device"), Map.entry("diagnostics_interval", "Device"));

    private static final List<Rule> RULES = List.of(
            new Rule("topics", r -> {
                List<String> readings = r.find(SensorSettings.TYPE).orElse(SensorType.DHT22) == SensorType.NONE
                        ? List.of(r.get(TopicSettings.INTERNAL))
                        : List.of(r.get(TopicSettings.INTERNAL), r.get(TopicSettings.TEMPERATURE),
                                r.get(TopicSettings.HUMIDITY));
                if (readings.stream().distinct().count() < readings.size()) {
                    throw new Invalid("two readings share one topic (" + String.join(", ", readings) + ")",
                            "give the internal temperature, temperature and humidity a topic each");
                }
            }),
            new Rule(WifiSettings.OPEN.key(), r -> {
                if (r.use() == Use.FIRMWARE && r.get(WifiSettings.OPEN) && r.given(WifiSettings.PASSWORD)) {
                    throw new Invalid("an open network takes no password, but one was given",
                            "drop --open-network, or drop the password option");
                }
            }),
            new Rule(MqttSettings.USERNAME.key(), r -> {
                if (r.find(MqttSettings.USERNAME).isEmpty() && r.given(MqttSettings.PASSWORD)) {
                    throw new Invalid("an MQTT password was given without a user name", "add --mqtt-user NAME");
                }
            }));

    private Schema() {
    }

    static void runRules(Resolver r) {
        RULES.forEach(rule -> r.crossCheck(rule.field(), rule.check()));
    }

    /**
     * A topic named on the command line (verify's --topic) passes the same checks as the settings' topics, the
     * board's placeholders included.
     */
    public static void checkTopic(String flag, String topic) {
        try {
            Types.topicTemplate("pico/temperature/dht22").parse(topic, null);
        } catch (Invalid e) {
            throw ConfigException.of(flag, e.problem(), e.fix());
        }
    }

    /** The setting with this key, if any. */
    public static Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The secret a source key belongs to: {@code wifi.password_env} → wifi.password. */
    static Optional<Setting<?>> secretOf(String key) {
        for (String suffix : List.of(SecretResolver.ENV, SecretResolver.FILE, SecretResolver.PROMPT)) {
            if (key.endsWith(suffix)) {
                return byKey(key.substring(0, key.length() - suffix.length())).filter(Setting::isSecret);
            }
        }
        return Optional.empty();
    }

    /** Every key a config file may hold: the settings, and for each secret its {@code _env} and {@code _file}. */
    public static List<String> fileKeys() {
        List<String> keys = new ArrayList<>();
        for (Setting<?> s : ALL) {
            if (s.isSecret()) {
                keys.add(s.key() + SecretResolver.ENV);
                keys.add(s.key() + SecretResolver.FILE);
            } else {
                keys.add(s.key());
            }
        }
        return keys;
    }

    /** The groups that a config file may nest under: {@code wifi}, {@code mqtt}, .... */
    static boolean isGroup(String key) {
        return fileKeys().stream().anyMatch(k -> k.startsWith(key + "."));
    }

    /** The settings.py constants, grouped, in schema order: (group title → constant → value). */
    public static Map<String, Map<String, Object>> firmwareConstants(PicoConfig config) {
        Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
        for (Setting<?> s : ALL) {
            addExports(s, config, groups.computeIfAbsent(GROUPS.get(s.key().split("\\.")[0]),
                    g -> new LinkedHashMap<>()));
        }
        return groups;
    }

    private static <T> void addExports(Setting<T> s, PicoConfig config, Map<String, Object> into) {
        T value = config.find(s).orElse(null);
        for (Setting.Export<T> e : s.exports()) {
            into.put(e.constant(), e.value().apply(value, config));
        }
    }
}
