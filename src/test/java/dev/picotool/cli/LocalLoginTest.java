package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.broker.EmbeddedBroker;
import dev.picotool.broker.LocalBrokerCredentials;
import dev.picotool.config.ConfigFiles;
import dev.picotool.config.ThisComputer;
import dev.picotool.demo.VirtualPicoProcess;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.ReplTimings;
import dev.picotool.render.FirmwareRenderer;
import dev.picotool.testing.Cli;
import dev.picotool.testing.Configs;
import dev.picotool.testing.FakeSecrets;
import dev.picotool.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `picotool broker` is closed by default; flash and verify with --broker on this computer and no MQTT user log in
 * with its login by themselves (the board too), say so in one line, and never show the password.
 */
class LocalLoginTest {
    @TempDir
    Path dir;

    Services services(boolean withLocalLogin, LocalBrokerCredentials credentials) {
        var validator = Configs.validator(new FakeSecrets().env("PW", "secretpass"));
        return new Services(withLocalLogin ? validator.withLocalBroker(credentials.forSettings(), ThisComputer::names)
                : validator, new FirmwareRenderer("0.1.0"), DeviceAccess.system(), ReplTimings.standard(),
                ConfigFiles.none());
    }

    @Test
    void flashAndVerifyUseTheLocalBrokersLoginByThemselves() throws Exception {
        LocalBrokerCredentials credentials = new LocalBrokerCredentials(dir.resolve("config"));
        LocalBrokerCredentials.Login login = credentials.findOrCreate();
        String password = login.password().reveal();
        Files.createDirectories(dir.resolve("pico"));
        try (EmbeddedBroker broker = EmbeddedBroker.start(new EmbeddedBroker.Options("127.0.0.1", 0,
                Optional.of(login.username()), Optional.of(login.password())));
             VirtualPicoProcess board = VirtualPicoProcess.start(Repo.tool(""), dir.resolve("pico/tty"),
                     dir.resolve("pico/fs"), "Lab", "secretpass", Duration.ofSeconds(15), List.of())) {
            String at = "127.0.0.1:" + broker.port();
            Cli.Result flash = Cli.run(services(true, credentials), "flash", "--port", board.port(), "--wifi", "Lab",
                    "--wifi-password-env", "PW", "--broker", at, "--allow-loopback", "--interval", "2", "--monitor",
                    "15", "--backup-dir", dir.resolve("backups").toString());
            assertThat(flash.exitCode()).as(flash.out() + flash.err()).isZero();
            assertThat(flash.out()).contains("MQTT login: user picotool of `picotool broker` on this computer "
                    + "(password from file " + login.file() + ")", "[mqtt] connected");
            assertThat(Files.readString(dir.resolve("pico/fs/settings.py"))).contains("MQTT_USER = 'picotool'");

            Cli.Result verify = Cli.run(services(true, credentials), "verify", "--broker", at, "--interval", "2",
                    "-n", "1");
            assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
            assertThat(verify.out()).contains("MQTT login: user picotool of `picotool broker`", "PASS: 3 topics");
            for (Cli.Result r : List.of(flash, verify)) {
                assertThat(r.out() + r.err()).doesNotContain(password);
            }

            Cli.Result without = Cli.run(services(false, credentials), "verify", "--broker", at, "--interval", "2",
                    "-n", "1");
            assertThat(without.exitCode()).as(without.out() + without.err()).isEqualTo(5);
            assertThat(without.err()).contains("refused the login");
        }
    }
}
