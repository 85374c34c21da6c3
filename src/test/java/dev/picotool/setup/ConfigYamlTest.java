package dev.picotool.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.RawSettings;
import dev.picotool.config.YamlConfigLoader;
import dev.picotool.testing.UnicodeStrings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigYamlTest {
    @TempDir
    Path dir;

    RawSettings roundTrip(RawSettings in) throws Exception {
        Path f = Files.writeString(dir.resolve("picotool.yaml"), ConfigYaml.write(in, List.of("a comment")));
        return YamlConfigLoader.load(f);
    }

    @Test
    void groupsInSchemaOrderPlainWhereSafe() {
        RawSettings s = new RawSettings().put("interval", "10").put("mqtt.broker", "192.168.1.11:1883")
                .put("wifi.password_file", "~/.config/picotool/wifi-lab").put("wifi.ssid", "NO")
                .put("home_assistant.discovery", "true").put("sensor.pin", "GP15");
        assertThat(ConfigYaml.write(s, List.of("written by a test"))).isEqualTo("""
                # written by a test
                wifi:
                  ssid: NO
                  password_file: "~/.config/picotool/wifi-lab"
                mqtt:
                  broker: 192.168.1.11:1883
                sensor:
                  pin: GP15
                interval: 10
                home_assistant:
                  discovery: true
                """);
    }

    @Test
    void anyTextReadsBackAsItself() throws Exception {
        UnicodeStrings strings = new UnicodeStrings();
        for (int i = 0; i < 300; i++) {
            String ssid = strings.next(40);
            String name = strings.next(20);
            RawSettings back = roundTrip(new RawSettings().put("wifi.ssid", ssid).put("device_name", name));
            assertThat(back.text("wifi.ssid")).as("seed " + strings.seed()).contains(ssid);
            assertThat(back.text("device_name")).as("seed " + strings.seed()).contains(name);
        }
        for (String tricky : List.of("yes", "015", "12:30", "- a", "a: b", "#x", "'q'", "\"", "", " lead", "~",
                "null", "*alias", "&anchor", "!tag", "%dir", "@", "`", "a #b", "[1]", "{x}", "? k", "|", ">")) {
            assertThat(roundTrip(new RawSettings().put("wifi.ssid", tricky)).text("wifi.ssid")).contains(tricky);
        }
    }
}
