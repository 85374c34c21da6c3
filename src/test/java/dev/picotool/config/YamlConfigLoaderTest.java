package dev.picotool.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void flattensNestedSettings() throws Exception {
        Path f = dir.resolve("picotool.yaml");
        Files.writeString(f, """
                wifi:
                  ssid: Lab
                  password_env: PW
                mqtt:
                  broker: 192.168.1.11
                  tls: false
                sensor:
                  pin: GP16
                interval: 30
                """);
        RawConfig raw = YamlConfigLoader.load(f);
        assertThat(raw.asMap()).containsEntry("wifi.ssid", "Lab").containsEntry("mqtt.tls", "false")
                .containsEntry("sensor.pin", "GP16").containsEntry("interval", "30");
    }

    @Test
    void refusesInlinePasswordsAndUnknownKeysTogether() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "wifi:\n  ssid: Lab\n  password: hunter2hunter2\n  colour: blue\n");
        assertThatThrownBy(() -> YamlConfigLoader.load(f)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.errors()).extracting(ConfigError::field).containsExactly("wifi.password", "wifi.colour");
            assertThat(e.getMessage()).contains("a password must not be written in the config file")
                    .doesNotContain("hunter2");
        });
    }

    @Test
    void syntaxErrorNamesTheLine() throws Exception {
        Path f = dir.resolve("broken.yaml");
        Files.writeString(f, "wifi:\n  ssid: [unclosed\n");
        assertThatThrownBy(() -> YamlConfigLoader.load(f)).hasMessageContaining("is not valid YAML at line");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> YamlConfigLoader.load(dir.resolve("nope.yaml")))
                .hasMessageContaining("--config: file").hasMessageContaining("does not exist");
    }
}
