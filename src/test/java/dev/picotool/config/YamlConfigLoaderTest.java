package dev.picotool.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.testing.Configs;
import dev.picotool.testing.FakeSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigLoaderTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws Exception {
        Path f = dir.resolve("picotool.yaml");
        Files.writeString(f, text);
        return f;
    }

    /** Loads and validates, as the commands do. */
    private PicoConfig validate(String text) throws Exception {
        return Configs.validator(new FakeSecrets().env("PW", "secretpass")).validate(YamlConfigLoader.load(yaml(text)));
    }

    private ConfigException invalid(String text) throws Exception {
        try {
            validate(text);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected the file to be refused");
    }

    private static final String BASE = "wifi:\n  ssid: Lab\n  password_env: PW\nmqtt:\n  broker: 192.168.1.11\n";

    @Test
    void nestedKeysBecomeDottedKeysWithTheirPlace() throws Exception {
        RawSettings raw = YamlConfigLoader.load(yaml(BASE + "sensor:\n  pin: GP16\ninterval: 30\n"));
        assertThat(raw.text("wifi.ssid")).contains("Lab");
        assertThat(raw.text("sensor.pin")).contains("GP16");
        assertThat(raw.get("interval").orElseThrow().origin().where()).endsWith("picotool.yaml:8:11");
    }

    @Test
    void scalarsStayTheTextTheUserWrote() throws Exception {
        PicoConfig c = validate("wifi:\n  ssid: NO\n  password_env: PW\nmqtt:\n  broker: 192.168.1.11\n"
                + "  client_id: 0123\ndevice_name: 2024-01-01\n");
        assertThat(c.get(WifiSettings.SSID)).isEqualTo("NO");
        assertThat(c.get(MqttSettings.CLIENT_ID)).isEqualTo("0123");
        assertThat(c.get(HomeAssistantSettings.DEVICE_NAME)).isEqualTo("2024-01-01");
    }

    @Test
    void anOctalLookingPinIsRefusedNamingFileLineAndColumn() throws Exception {
        ConfigException e = invalid(BASE + "sensor:\n  pin: 015\n");
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.where()).endsWith("picotool.yaml:7:8");
            assertThat(err.toString()).contains("sensor.pin: '015' has a leading zero").contains("GP15");
        });
        assertThat(e.exitCode().code()).isEqualTo(3);
    }

    @Test
    void sexagesimalListsAndTagsAreNotValues() throws Exception {
        ConfigException e = invalid(BASE + "interval: 12:30\nsensor:\n  pin: [1, 2]\npayload: !!binary aGk=\n");
        assertThat(e.getMessage()).contains("interval: '12:30' is not a number of seconds")
                .contains("sensor.pin: expected one value, found a list")
                .contains("payload: has a YAML tag");
    }

    @Test
    void duplicateKeysNameBothLines() throws Exception {
        ConfigException e = invalid(BASE + "interval: 10\ninterval: 20\n");
        assertThat(e.getMessage()).contains("interval: is set twice, at line 6 and line 7");
    }

    @Test
    void unknownKeysGetTheNearestKnownOne() throws Exception {
        assertThat(invalid(BASE + "intervall: 10\n").getMessage())
                .contains("intervall: unknown setting. Fix: did you mean interval?");
        assertThat(invalid(BASE + "sensor:\n  pinn: GP15\n").getMessage())
                .contains("sensor.pinn: unknown setting. Fix: did you mean sensor.pin?");
        assertThat(invalid(BASE + "colour: blue\n").getMessage()).contains("colour: unknown setting. Fix: remove it");
    }

    @Test
    void inlinePasswordsAndPasswordLikeKeysAreNotRepeated() throws Exception {
        ConfigException e = invalid("wifi:\n  ssid: Lab\n  password: hunter2hunter2\n  'hunter2 and more!': x\n"
                + "mqtt:\n  broker: 192.168.1.11\n");
        assertThat(e.getMessage()).contains("wifi.password: a password must not be written in the config file")
                .contains("a key that is not shown").doesNotContain("hunter2");
    }

    @Test
    void aGroupGivenAsAValueSaysHowToNest() throws Exception {
        assertThat(invalid(BASE + "sensor: dht22\n").getMessage()).contains("sensor: is a group of settings");
    }

    @Test
    void emptyValueMeansNotSet() throws Exception {
        assertThat(validate(BASE + "interval:\n").get(SensorSettings.INTERVAL)).isEqualByComparingTo("10");
    }

    @Test
    void syntaxErrorNamesTheLine() throws Exception {
        Path f = yaml("wifi:\n  ssid: [unclosed\n");
        assertThatThrownBy(() -> YamlConfigLoader.load(f)).hasMessageContaining("picotool.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void filesThatAreNotSettingsFilesAreRefusedInWords() throws Exception {
        assertThatThrownBy(() -> YamlConfigLoader.load(dir.resolve("nope.yaml"))).hasMessageContaining("--config: ")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> YamlConfigLoader.load(dir)).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> YamlConfigLoader.load(Path.of("/dev/zero")))
                .hasMessageContaining("is not a regular file");
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[YamlConfigLoader.MAX_BYTES + 1]);
        assertThatThrownBy(() -> YamlConfigLoader.load(big)).hasMessageContaining("is larger than");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xe9});
        assertThatThrownBy(() -> YamlConfigLoader.load(latin1)).hasMessageContaining("is not UTF-8 text");
        assertThat(invalid("just a string\n").getMessage()).contains("must be a mapping of settings");
    }

    @Test
    void aliasBombsAreRefused() throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'm'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append("]\n");
        }
        Path f = yaml(bomb.toString());
        assertThatThrownBy(() -> YamlConfigLoader.load(f)).isInstanceOf(ConfigException.class);
    }
}
