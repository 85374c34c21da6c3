package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.Schema;
import dev.picotool.config.Setting;
import dev.picotool.config.Use;
import dev.picotool.testing.Cli;
import dev.picotool.testing.FakeSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flags come from the schema, and flags override the file, secrets included. */
class SettingsOptionsTest {
    static final FakeSecrets SECRETS = new FakeSecrets().env("PW", "secretpass").env("OTHER", "otherpass1");

    @TempDir
    Path dir;

    @Test
    void everySettingWithAFlagIsAnOptionOfFlashAndOnlyTheVerifyOnesOfVerify() {
        String flash = Cli.run(SECRETS, "flash", "--help").out();
        String verify = Cli.run(SECRETS, "verify", "--help").out();
        for (Setting<?> s : Schema.ALL) {
            if (s.flags().isEmpty()) {
                continue;
            }
            String flag = s.flags().get(0);
            String shown = s.isBoolean() ? "--[no-]" + flag.substring(2) : flag;
            assertThat(flash).as(s.key()).contains(shown);
            if (s.usedFor(Use.VERIFY)) {
                assertThat(verify).as(s.key()).contains(shown);
            } else {
                assertThat(verify).as(s.key()).doesNotContain(shown + " ").doesNotContain(shown + "=");
            }
        }
    }

    @Test
    void aSecretSourceOnTheCommandLineReplacesTheFilesSource() throws Exception {
        Path yaml = dir.resolve("p.yaml");
        Files.writeString(yaml, "wifi:\n  ssid: Lab\n  password_file: /nonexistent/pw\nmqtt:\n  broker: 10.0.0.9\n");
        Cli.Result r = Cli.run(SECRETS, "validate", "--config", yaml.toString(), "--wifi-password-env", "OTHER");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("wifi.password +\\*+ \\(from env OTHER\\) +--wifi-password-env");
    }

    @Test
    void booleanFlagsAreNegatableAndOverrideTheFile() throws Exception {
        Path yaml = dir.resolve("p.yaml");
        Files.writeString(yaml, "wifi:\n  ssid: Lab\n  password_env: PW\nmqtt:\n  broker: 10.0.0.9\n"
                + "home_assistant:\n  discovery: false\n");
        assertThat(Cli.run(SECRETS, "validate", "--config", yaml.toString()).out())
                .containsPattern("home_assistant.discovery +off +\\S*p.yaml:7:14");
        assertThat(Cli.run(SECRETS, "validate", "--config", yaml.toString(), "--ha-discovery").out())
                .containsPattern("home_assistant.discovery +on +--ha-discovery");
        assertThat(Cli.run(SECRETS, "validate", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker", "10.0.0.9",
                "--no-ha-discovery").out()).containsPattern("home_assistant.discovery +off");
    }

    @Test
    void aPasswordTypedAsAValueIsNeverPrinted() {
        for (String[] args : new String[][] {
                {"validate", "--wifi-password=MyS3cret"},
                {"validate", "--wifi-password", "MyS3cret"},
                {"validate", "--wifi-pasword=MyS3cret"},
                {"validate", "--open-network", "MyS3cret"},
                {"validate", "--wifi", "Lab", "--broker", "10.0.0.9", "--wifi-password-env", "MyS3cret"},
                {"validate", "--wifi", "Lab", "--broker", "10.0.0.9", "--wifi-password-file", "MyS3cret"},
                {"validate", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker", "bob:MyS3cret@10.0.0.9"},
                {"verify", "--mqtt-user", "bob", "--mqtt-password-env", "MyS3cret"}}) {
            Cli.Result r = Cli.run(SECRETS, args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isIn(2, 3);
            assertThat(r.out() + r.err()).as(String.join(" ", args)).doesNotContain("MyS3cret");
        }
    }

    @Test
    void validateSaysWhichFileItRead() throws Exception {
        Path yaml = dir.resolve("picotool.yaml");
        Files.writeString(yaml, "wifi:\n  ssid: Lab\n  password_env: PW\nmqtt:\n  broker: 10.0.0.9\n");
        assertThat(Cli.run(SECRETS, "validate", "--config", yaml.toString()).out())
                .startsWith("Settings are valid (file " + yaml);
        assertThat(Cli.run(SECRETS, "validate", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker",
                "10.0.0.9").out()).startsWith("Settings are valid (flags only; no settings file)");
    }

    @Test
    void controlCharactersInValuesArePrintedEscaped() {
        Cli.Result r = Cli.run(SECRETS, "validate", "--wifi", "Lab\u001b[2J\nPASS", "--wifi-password-env", "PW",
                "--broker", "10.0.0.9");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("'Lab\\x1b[2J\\nPASS'").doesNotContain("\u001b");
    }

    @Test
    void validateShowsTheRealWorldSettingsAsTheBoardUsesThem() {
        Cli.Result r = Cli.run(SECRETS, "validate", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker",
                "10.0.0.9", "--led", "off", "--watchdog", "0", "--temperature-offset", "-1.5", "--humidity-offset",
                "2", "--ha-discovery-mode", "component", "--diagnostics-interval", "300");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("led +off +--led")
                .containsPattern("watchdog +off +--watchdog")
                .containsPattern("calibration.temperature_offset +-1.5 °C +--temperature-offset")
                .containsPattern("calibration.humidity_offset +\\+2 % \\(then clamped to 0-100 %\\) +--humidity-offset")
                .containsPattern("calibration.internal_temperature_offset +0 °C +default")
                .containsPattern("home_assistant.mode +component +--ha-discovery-mode")
                .containsPattern("diagnostics_interval +300 s +--diagnostics-interval")
                .containsPattern("topics.status +pico/\\{id\\}/status +default")
                .containsPattern("device_name +'Pico W \\{id4\\}' +default");
    }
}
