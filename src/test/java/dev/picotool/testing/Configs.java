package dev.picotool.testing;

import dev.picotool.board.Pinout;
import dev.picotool.config.ConfigValidator;
import dev.picotool.config.PayloadFormat;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.RawConfig;
import dev.picotool.config.Secret;
import dev.picotool.config.SensorType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Ready-made configurations for tests. */
public final class Configs {
    private Configs() {
    }

    /** The validator with a scripted environment and a fixed LAN address. */
    public static ConfigValidator validator(FakeSecrets secrets) {
        return new ConfigValidator(Pinout.picoW(), secrets, () -> List.of("192.168.1.50"));
    }

    /** The tutorial's settings: Wi-Fi "Lab", broker 192.168.1.11, everything else default. */
    public static PicoConfig tutorial() {
        return validator(new FakeSecrets().env("PW", "secretpass")).validate(new RawConfig().put("wifi.ssid", "Lab")
                .put("wifi.password_env", "PW").put("mqtt.broker", "192.168.1.11"));
    }

    /** A config built directly, bypassing validation, so any string can be put anywhere. */
    public static PicoConfig raw(String ssid, String wifiPassword, String hostname, String user, String mqttPassword,
                                 String topic, String deviceName, SensorType sensor, PayloadFormat payload,
                                 boolean tls, Optional<Path> ca) {
        return new PicoConfig(
                new PicoConfig.Wifi(ssid, Optional.ofNullable(wifiPassword).map(p -> new Secret(p.toCharArray(), "t")),
                        "XX", Optional.ofNullable(hostname), 20),
                new PicoConfig.Mqtt("192.168.1.11", tls ? 8883 : 1883, Optional.ofNullable(user),
                        Optional.ofNullable(mqttPassword).map(p -> new Secret(p.toCharArray(), "t")), tls, ca,
                        Optional.empty(), 60, 0, false),
                new PicoConfig.Topics(topic + "/internal", topic + "/temperature", topic + "/humidity",
                        topic + "/status"),
                new PicoConfig.Sensor(sensor, Pinout.picoW().find("GP15").orElseThrow()), 10, payload,
                new PicoConfig.HomeAssistant(true, "homeassistant"), deviceName);
    }
}
