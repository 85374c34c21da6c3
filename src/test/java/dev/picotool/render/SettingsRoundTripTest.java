package dev.picotool.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.PayloadFormat;
import dev.picotool.config.SensorType;
import dev.picotool.testing.Configs;
import dev.picotool.testing.MicroPython;
import dev.picotool.testing.UnicodeStrings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever Unicode the user types for SSID, passwords, topics, host name or device name, the rendered
 * settings.py is valid MicroPython and executing it on real MicroPython gives back exactly the input, so nothing
 * can break out of a literal.
 */
class SettingsRoundTripTest {
    static final FirmwareRenderer RENDERER = new FirmwareRenderer("0.1.0");
    static final int CASES = 200;

    @Test
    void anyUnicodeRoundTripsThroughMicroPython() {
        UnicodeStrings strings = new UnicodeStrings();
        for (int i = 0; i < CASES; i++) {
            List<String> v = new ArrayList<>();
            for (int f = 0; f < 7; f++) {
                v.add(strings.next(24));
            }
            DeviceFile settings = RENDERER.render(Configs.raw(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4),
                    v.get(5), v.get(6), SensorType.DHT22, PayloadFormat.PLAIN, false))
                    .file("settings.py").orElseThrow();
            String source = new String(settings.content(), StandardCharsets.UTF_8);
            Map<String, Object> back = MicroPython.shared().exec(source, List.of("WIFI_SSID", "WIFI_PASSWORD",
                    "WIFI_HOSTNAME", "MQTT_USER", "MQTT_PASSWORD", "TOPIC_INTERNAL", "TOPIC_STATUS", "DEVICE_NAME",
                    "MQTT_PORT"));
            String replay = "case " + i + ", replay with -Dunicode.seed=" + strings.seed();
            assertThat(back.get("WIFI_SSID")).as(replay).isEqualTo(v.get(0));
            assertThat(back.get("WIFI_PASSWORD")).as(replay).isEqualTo(v.get(1));
            assertThat(back.get("WIFI_HOSTNAME")).as(replay).isEqualTo(v.get(2));
            assertThat(back.get("MQTT_USER")).as(replay).isEqualTo(v.get(3));
            assertThat(back.get("MQTT_PASSWORD")).as(replay).isEqualTo(v.get(4));
            assertThat(back.get("TOPIC_INTERNAL")).as(replay).isEqualTo(v.get(5) + "/internal");
            assertThat(back.get("TOPIC_STATUS")).as(replay).isEqualTo(v.get(5) + "/status");
            assertThat(back.get("DEVICE_NAME")).as(replay).isEqualTo(v.get(6));
            assertThat(back.get("MQTT_PORT")).as(replay).isEqualTo("{\"value\":\"1883\",\"type\":\"int\"}");
        }
    }
}
