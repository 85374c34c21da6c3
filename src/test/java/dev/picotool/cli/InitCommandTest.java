package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.ConfigFiles;
import dev.picotool.config.ConfigValidator;
import dev.picotool.config.SystemSecretSource;
import dev.picotool.render.FirmwareRenderer;
import dev.picotool.testing.Configs;
import dev.picotool.testing.FakeSecrets;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `picotool init` driven through its prompts by a scripted input stream, and without prompts (--yes). */
class InitCommandTest {
    static final String PASSWORD = "correct-horse-42";

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int init(FakeSecrets secrets, String script, String... args) {
        PicoTool tool = new PicoTool(new Services(Configs.validator(secrets), new FirmwareRenderer("0.1.0"))
                .withConfigFiles(ConfigFiles.none())).withInput(new ByteArrayInputStream(script.getBytes(
                StandardCharsets.UTF_8)));
        List<String> all = new java.util.ArrayList<>(List.of("init", "--config", dir.resolve("picotool.yaml")
                .toString(), "--secrets-dir", dir.resolve("secrets").toString()));
        all.addAll(List.of(args));
        return PicoTool.execute(tool, new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
    }

    /** `validate` as a user runs it on the written file: the password read from the secrets file on disk. */
    dev.picotool.testing.Cli.Result validate(String... extra) {
        ConfigValidator real = new ConfigValidator(dev.picotool.board.Boards.get(dev.picotool.board.BoardId.PICO_W), new SystemSecretSource(), () -> List.of(
                "192.168.1.50"), dir, Clock.systemUTC());
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of("validate", "--config", dir.resolve("picotool.yaml")
                .toString()));
        all.addAll(List.of(extra));
        int rc = PicoTool.execute(new PicoTool(new Services(real, new FirmwareRenderer("0.1.0"))
                .withConfigFiles(ConfigFiles.none())), new PrintWriter(o, true), new PrintWriter(e, true),
                all.toArray(String[]::new));
        return new dev.picotool.testing.Cli.Result(rc, o.toString(), e.toString());
    }

    @Test
    void throughItsPromptsItWritesAFileValidateAccepts() throws Exception {
        // each wrong answer is followed by the right one; Enter takes a default
        String script = String.join("\n", "Lab", "abc1234", PASSWORD, "localhost", "192.168.1.11", "", "dht11",
                "GP23", "GP16", "0.5", "20", "maybe", "no", "");
        int rc = init(new FakeSecrets(), script);
        assertThat(rc).as(out + "\n" + err).isZero();
        String yaml = Files.readString(dir.resolve("picotool.yaml"));
        Path secret = dir.resolve("secrets").resolve(dev.picotool.setup.SecretsFile.name("wifi", "Lab"));
        assertThat(yaml).endsWith("""
                wifi:
                  ssid: Lab
                  password_file: "%s"
                mqtt:
                  broker: 192.168.1.11
                sensor:
                  type: dht11
                  pin: GP16
                interval: 20
                home_assistant:
                  discovery: false
                """.formatted(secret));
        assertThat(Files.readString(secret)).isEqualTo(PASSWORD + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(yaml + out + err).doesNotContain(PASSWORD).doesNotContain("abc1234");
        assertThat(out.toString()).contains("wrote " + dir.resolve("picotool.yaml") + " (no passwords in it)",
                "the Wi-Fi password is in " + secret + " (readable by you only)",
                "DHT11 on a Raspberry Pi Pico W, data on GP16 (physical pin 21)",
                "picotool flash --config " + dir.resolve("picotool.yaml"));
        dev.picotool.testing.Cli.Result v = validate();
        assertThat(v.exitCode()).as(v.err()).isZero();
        assertThat(v.out()).contains("wifi.password              ******** (from file " + secret + ")",
                "sensor.pin                 GP16 (physical pin 21)");
    }

    @Test
    void eachAnswerGetsTheMessageValidateGives() throws Exception {
        init(new FakeSecrets(), String.join("\n", "Lab", PASSWORD, "localhost", "10.0.0.5", "", "", "GP23", "",
                "1", "", "", ""));
        dev.picotool.testing.Cli.Result refused = validate("--broker", "localhost", "--pin", "GP23", "--interval",
                "1");
        assertThat(refused.exitCode()).isEqualTo(3);
        for (String field : List.of("mqtt.broker", "sensor.pin", "interval")) {
            String line = refused.err().lines().filter(l -> l.strip().startsWith(field + ":")).findFirst()
                    .orElseThrow(() -> new AssertionError(field + " not in " + refused.err()));
            assertThat(out.toString()).contains(line.strip());
        }
    }

    @Test
    void anMqttLoginGoesToItsOwnSecretsFile() throws Exception {
        int rc = init(new FakeSecrets(), String.join("\n", "Lab", PASSWORD, "192.168.1.11", "pico", "", "broker-pw-7",
                "", "", "", "", ""));
        assertThat(rc).as(out + "\n" + err).isZero();
        String yaml = Files.readString(dir.resolve("picotool.yaml"));
        Path mqtt = dir.resolve("secrets").resolve(dev.picotool.setup.SecretsFile.name("mqtt", "pico@192.168.1.11"));
        assertThat(yaml).contains("  username: pico\n", "  password_file: \"" + mqtt + "\"\n")
                .doesNotContain("broker-pw-7");
        assertThat(Files.readString(mqtt)).isEqualTo("broker-pw-7\n");
        assertThat(out.toString()).contains("  the broker's user needs its password here",
                "the MQTT password is in " + mqtt).doesNotContain("broker-pw-7");
        assertThat(validate().exitCode()).isZero();
    }

    @Test
    void aNetworkNameIsKeptExactlyAsTyped() throws Exception {
        assertThat(init(new FakeSecrets(), String.join("\n", " Caf\u00e9 #2: \"5G\" ", PASSWORD, "192.168.1.11",
                "", "", "", "", "", ""))).as(out + "\n" + err).isZero();
        assertThat(Files.readString(dir.resolve("picotool.yaml"))).contains("  ssid: \" Caf\u00e9 #2: \\\"5G\\\" \"\n");
        assertThat(validate().out()).contains("wifi.ssid                  ' Caf\u00e9 #2: \"5G\" '");
    }

    @Test
    void anExistingFileIsKeptWithoutForce() throws Exception {
        Files.writeString(dir.resolve("picotool.yaml"), "interval: 30\n");
        assertThat(init(new FakeSecrets(), "Lab\n")).isEqualTo(2);
        assertThat(err.toString()).contains("picotool.yaml exists; nothing was asked or written",
                "hint: pass --force to replace it");
        assertThat(Files.readString(dir.resolve("picotool.yaml"))).isEqualTo("interval: 30\n");
        assertThat(init(new FakeSecrets().env("PW", PASSWORD), "", "--yes", "--force", "--wifi", "Lab",
                "--wifi-password-env", "PW", "--broker", "192.168.1.11")).as(err.toString()).isZero();
        assertThat(Files.readString(dir.resolve("picotool.yaml"))).contains("  password_env: PW\n",
                "  broker: 192.168.1.11\n", "  type: dht22\n", "  pin: GP15\n", "interval: 10\n");
    }

    @Test
    void withYesNothingIsAskedAndMissingSettingsGetValidatesMessages() throws Exception {
        assertThat(init(new FakeSecrets(), "", "--yes", "--broker", "192.168.1.11")).isEqualTo(3);
        assertThat(err.toString()).contains("wifi.ssid: no Wi-Fi network name given. Fix: pass --wifi NETWORK_NAME",
                "wifi.password: no password given and no terminal to ask for it");
        assertThat(dir.resolve("picotool.yaml")).doesNotExist();
        err.getBuffer().setLength(0);
        assertThat(init(new FakeSecrets().env("PICOTOOL_WIFI_PASSWORD", PASSWORD), "", "--yes", "--wifi", "Lab",
                "--broker", "192.168.1.11", "--sensor", "none")).as(err.toString()).isZero();
        String yaml = Files.readString(dir.resolve("picotool.yaml"));
        assertThat(yaml).contains("password_file: ", "  type: none\n").doesNotContain("pin:", PASSWORD);
        assertThat(validate().exitCode()).isZero();
    }

    @Test
    void aBadFlagIsReportedBeforeAnyQuestion() {
        assertThat(init(new FakeSecrets(), "Lab\n", "--pin", "GP25")).isEqualTo(3);
        assertThat(err.toString()).contains("sensor.pin: GP25 cannot be used");
        assertThat(out.toString()).doesNotContain("Wi-Fi network");
    }

    @Test
    void inputThatEndsEarlyWritesNothing() {
        assertThat(init(new FakeSecrets(), "Lab\n" + PASSWORD + "\n")).isEqualTo(2);
        assertThat(err.toString()).contains("the input ended before every question was answered; nothing was "
                + "written");
        assertThat(dir.resolve("picotool.yaml")).doesNotExist();
        assertThat(dir.resolve("secrets")).doesNotExist();
    }
}
