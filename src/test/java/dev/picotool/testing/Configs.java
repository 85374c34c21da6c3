package dev.picotool.testing;

import dev.picotool.board.BoardId;
import dev.picotool.board.Boards;
import dev.picotool.config.ConfigValidator;
import dev.picotool.config.HomeAssistantSettings;
import dev.picotool.config.MqttSettings;
import dev.picotool.config.PayloadFormat;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.RawSettings;
import dev.picotool.config.Secret;
import dev.picotool.config.SensorSettings;
import dev.picotool.config.SensorType;
import dev.picotool.config.Setting;
import dev.picotool.config.TopicSettings;
import dev.picotool.config.UncheckedConfigs;
import dev.picotool.config.WifiSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ready-made configurations for tests. */
public final class Configs {
    private Configs() {
    }

    /** The validator with a scripted environment, a fixed LAN address and home directory /home/student. */
    public static ConfigValidator validator(FakeSecrets secrets) {
        return new ConfigValidator(Boards.get(BoardId.PICO_W), secrets, () -> List.of("192.168.1.50"), Path.of("/home/student"),
                Clock.systemUTC());
    }

    /** The tutorial's settings: Wi-Fi "Lab", broker 192.168.1.11, everything else default. */
    public static PicoConfig tutorial() {
        return validator(new FakeSecrets().env("PW", "secretpass")).validate(tutorialRaw());
    }

    public static RawSettings tutorialRaw() {
        return new RawSettings().put("wifi.ssid", "Lab").put("wifi.password_env", "PW")
                .put("mqtt.broker", "192.168.1.11");
    }

    /** A configuration built around validation, so any string can be put anywhere (null = not set). */
    public static PicoConfig raw(String ssid, String wifiPassword, String hostname, String user, String mqttPassword,
                                 String topic, String deviceName, SensorType sensor, PayloadFormat payload,
                                 boolean tls, PicoConfig withCa) {
        Map<Setting<?>, Object> v = new HashMap<>();
        v.put(WifiSettings.SSID, ssid);
        v.put(WifiSettings.PASSWORD, secret(wifiPassword));
        v.put(WifiSettings.HOSTNAME, hostname);
        v.put(MqttSettings.USERNAME, user);
        v.put(MqttSettings.PASSWORD, secret(mqttPassword));
        v.put(TopicSettings.INTERNAL, topic + "/internal");
        v.put(TopicSettings.TEMPERATURE, topic + "/temperature");
        v.put(TopicSettings.HUMIDITY, topic + "/humidity");
        v.put(TopicSettings.STATUS, topic + "/status");
        v.put(HomeAssistantSettings.DEVICE_NAME, deviceName);
        v.put(SensorSettings.TYPE, sensor);
        v.put(SensorSettings.PAYLOAD, payload);
        v.put(MqttSettings.TLS, tls);
        v.put(MqttSettings.PORT, tls ? 8883 : 1883);
        v.put(MqttSettings.CA_FILE, withCa == null ? null : withCa.find(MqttSettings.CA_FILE).orElse(null));
        return UncheckedConfigs.with(tutorial(), v);
    }

    public static PicoConfig raw(String ssid, String wifiPassword, String hostname, String user, String mqttPassword,
                                 String topic, String deviceName, SensorType sensor, PayloadFormat payload,
                                 boolean tls) {
        return raw(ssid, wifiPassword, hostname, user, mqttPassword, topic, deviceName, sensor, payload, tls, null);
    }

    private static Secret secret(String value) {
        return value == null ? null : new Secret(value.toCharArray(), "test");
    }
}
