package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.Cli;
import dev.picotool.testing.FakeSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PicoToolTest {
    static final FakeSecrets SECRETS = new FakeSecrets().env("PW", "secretpass").env("SHORT", "1234567");

    @TempDir
    Path dir;

    @Test
    void helpListsCommandsAndExitCodes() {
        Cli.Result r = Cli.run(SECRETS, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("validate", "render", "Exit codes:", "3  invalid configuration",
                "6  verification failed");
    }

    @Test
    void versionPrintsPicotoolVersion() {
        Cli.Result r = Cli.run(SECRETS, "--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("picotool ");
    }

    @Test
    void renderWritesOwnerOnlyFilesAndPrintsTheirHashes() throws Exception {
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run(SECRETS, "render", "--wifi", "Café \"Lab\"", "--wifi-password-env", "PW",
                "--broker", "192.168.1.11", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("main.py", "DHT22.py", "picomqtt.py", "settings.py", "sha256 ")
                .doesNotContain("secretpass");
        assertThat(Files.readString(out.resolve("settings.py"))).contains("WIFI_SSID = 'Café \"Lab\"'");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("settings.py"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwx------");
    }

    @Test
    void localhostBrokerExits3NamingFieldAndFix() {
        Cli.Result r = Cli.run(SECRETS, "validate", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker",
                "localhost");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("mqtt.broker: 'localhost' means the Pico itself",
                "Fix: pass your computer's LAN address: --broker 192.168.1.50");
    }

    @Test
    void sevenCharacterPasswordExits3WithoutShowingIt() {
        Cli.Result r = Cli.run(SECRETS, "render", "--wifi", "Lab", "--wifi-password-env", "SHORT", "--broker",
                "192.168.1.11", "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("wifi.password: is 7 characters long", "Fix:").doesNotContain("1234567");
    }

    @Test
    void reservedPinExits3() {
        Cli.Result r = Cli.run(SECRETS, "validate", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker",
                "192.168.1.11", "--pin", "GP23");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("sensor.pin: GP23 cannot be used", "Fix: wire the sensor to another GPIO");
    }

    @Test
    void allProblemsAreReportedTogether() {
        Cli.Result r = Cli.run(SECRETS, "validate", "--wifi-password-env", "SHORT", "--broker", "localhost",
                "--pin", "GP23");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("4 invalid settings", "wifi.ssid:", "wifi.password:", "mqtt.broker:",
                "sensor.pin:");
    }

    @Test
    void passwordOnTheCommandLineIsRefusedAndNotEchoed() {
        Cli.Result r = Cli.run(SECRETS, "validate", "--wifi", "Lab", "--wifi-password=hunter2hunter2",
                "--broker", "192.168.1.11");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("shell history").doesNotContain("hunter2");
    }

    @Test
    void noConsoleAndNoPasswordSourceExplainsHow() {
        Cli.Result r = Cli.run(new FakeSecrets(), "validate", "--wifi", "Lab", "--broker", "192.168.1.11");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("--wifi-password-env NAME");
    }

    @Test
    void validateMasksSecrets() {
        Cli.Result r = Cli.run(SECRETS, "validate", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker",
                "192.168.1.11");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("wifi.password", "******** (from env PW)", "GP15 (physical pin 20)")
                .doesNotContain("secretpass");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Result r = Cli.run(SECRETS, "render", "--out", dir.toString(), "--frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option --frobnicate");
    }

    @Test
    void configFileWithFlagOverride() throws Exception {
        Path yaml = dir.resolve("picotool.yaml");
        Files.writeString(yaml, "wifi:\n  ssid: FromFile\n  password_env: PW\nmqtt:\n  broker: 10.0.0.9\n"
                + "interval: 30\n");
        Cli.Result r = Cli.run(SECRETS, "validate", "--config", yaml.toString(), "--interval", "15");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("'FromFile'", "10.0.0.9", "15 s").containsPattern("interval +15 s +--interval")
                .containsPattern("wifi.ssid +'FromFile' +\\S*picotool.yaml:2:9");
    }

    @Test
    void wiringShowsThePhysicalPins() {
        Cli.Result r = Cli.run(SECRETS, "wiring", "--pin", "GP16");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("data on GP16 (physical pin 21)", "physical pin 36 (3V3(OUT))",
                "Note: GP16 is SPI0 RX by default");
        assertThat(Cli.run(SECRETS, "wiring", "--pin", "GP25").exitCode()).isEqualTo(3);
    }

    @Test
    void errorMessagesCannotForgeLinesOrMoveTheCursor() {
        Cli.Result r = Cli.run(SECRETS, "render", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker",
                "192.168.1.11", "--out", "/nonexistent\u001b[2J\nPASS/x");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).doesNotContain("\u001b").contains("\\x1b[2J\\nPASS");
        assertThat(r.err().lines()).noneMatch(l -> l.startsWith("PASS"));
    }
}
