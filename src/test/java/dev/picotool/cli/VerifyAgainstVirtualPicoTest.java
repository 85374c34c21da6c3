package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.broker.EmbeddedBroker;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.RawSettings;
import dev.picotool.demo.VirtualPicoProcess;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.FlashProgress;
import dev.picotool.device.Flasher;
import dev.picotool.device.RawRepl;
import dev.picotool.device.ReplTimings;
import dev.picotool.device.TransferTuning;
import dev.picotool.render.FirmwareRenderer;
import dev.picotool.testing.Cli;
import dev.picotool.testing.Configs;
import dev.picotool.testing.FakeSecrets;
import dev.picotool.testing.Repo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `picotool verify` against a flashed virtual Pico: passes with a sensor, exit 6 without one. */
class VerifyAgainstVirtualPicoTest {
    /** The board's id, so verify can be told the status topic the firmware fills in (pico/{id}/status). */
    static final String BOARD = "e6614103e7a1b2c3";

    @TempDir
    Path dir;

    @Test
    void passesWhenTheBoardPublishes() {
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Options.anonymous("127.0.0.1", 0));
             VirtualPicoProcess board = flashedBoard(broker, List.of())) {
            Cli.Result r = Cli.run(new FakeSecrets(), "verify", "--broker", "127.0.0.1:" + broker.port(),
                    "--interval", "2", "--expect-status", "--topic-status", "pico/" + BOARD + "/status");
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("PASS: 3 topics");
        }
    }

    @Test
    void failsWithExit6WhenTheSensorIsAbsent() {
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Options.anonymous("127.0.0.1", 0));
             VirtualPicoProcess board = flashedBoard(broker, List.of("--dht22-absent"))) {
            Cli.Result r = Cli.run(new FakeSecrets(), "verify", "--broker", "127.0.0.1:" + broker.port(),
                    "--interval", "2", "--timeout", "10");
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(6);
            assertThat(r.out()).containsPattern("pico/temperature/internal +\\d+/3 .* PASS")
                    .containsPattern("pico/temperature/dht22 +0/3 .* FAIL");
            assertThat(r.err()).contains("verification failed for pico/temperature/dht22, pico/humidity/dht22");
        }
    }

    private VirtualPicoProcess flashedBoard(EmbeddedBroker broker, List<String> boardArgs) {
        List<String> args = new java.util.ArrayList<>(boardArgs);
        args.addAll(List.of("--board-id", BOARD));
        VirtualPicoProcess board = VirtualPicoProcess.start(Repo.tool(""), dir.resolve("tty"), dir.resolve("fs"),
                "Lab", "secretpass", Duration.ofSeconds(15), args);
        PicoConfig config = Configs.validator(new FakeSecrets().env("PW", "secretpass")).validate(new RawSettings()
                .put("wifi.ssid", "Lab").put("wifi.password_env", "PW").put("mqtt.broker", "127.0.0.1:"
                        + broker.port()).put("mqtt.allow_loopback", "true").put("interval", "2"));
        try (RawRepl repl = DeviceAccess.system().connect(board.port(), ReplTimings.standard())) {
            new Flasher(repl, TransferTuning.standard(), FlashProgress.NONE).flash(new FirmwareRenderer("0.1.0")
                    .render(config), Flasher.Options.standard().withBackups(Optional.empty())
                    .withMonitor(Duration.ofSeconds(10)));
        }
        return board;
    }
}
