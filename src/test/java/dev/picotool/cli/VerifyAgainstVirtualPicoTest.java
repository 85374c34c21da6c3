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
import dev.picotool.testing.JsonDocs;
import dev.picotool.testing.Mosquitto;
import dev.picotool.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `picotool verify` against flashed virtual Picos: passes with a sensor, exit 6 without one, and two boards on their
 * own {id} topics checked by one verify against Debian's Mosquitto, with their health reports and discovery.
 */
class VerifyAgainstVirtualPicoTest {
    static final String BOARD = "e6614103e7a1b2c3";
    static final String OTHER = "e66141040b0c0d0e";
    /** Each board's own reading topics. */
    static final List<String> OWN_TOPICS = List.of("--topic-internal", "pico/{id}/internal", "--topic-temperature",
            "pico/{id}/temperature", "--topic-humidity", "pico/{id}/humidity");

    @TempDir
    Path dir;

    @Test
    void passesWhenTheBoardPublishes() {
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Options.anonymous("127.0.0.1", 0));
             VirtualPicoProcess board = flashedBoard(broker, List.of())) {
            Cli.Result r = Cli.run(new FakeSecrets(), "verify", "--broker", "127.0.0.1:" + broker.port(),
                    "--interval", "2", "--expect-status");
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("board " + BOARD + ": PASS", "pico/" + BOARD + "/status  'online'  PASS",
                    "PASS: 1 of 1 board passed (needed 1), 4 checks");
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

    @Test
    void twoBoardsOnTheirOwnTopicsPassOneVerifyWithRowsPerBoard() throws Exception {
        try (Mosquitto broker = Mosquitto.anonymous(dir);
             VirtualPicoProcess a = flashedBoard(broker.port(), BOARD, "a", List.of(), true);
             VirtualPicoProcess b = flashedBoard(broker.port(), OTHER, "b", List.of(), true)) {
            List<String> args = new java.util.ArrayList<>(List.of("verify", "--broker", broker.address(), "--interval",
                    "2", "-n", "2", "--expect-status", "--expect-diagnostics", "--expect-discovery", "--boards", "2",
                    "--report", "json", dir.resolve("r.json").toString(), "--report", "junit",
                    dir.resolve("r.xml").toString()));
            args.addAll(OWN_TOPICS);
            Cli.Result r = Cli.run(new FakeSecrets(), args.toArray(String[]::new));

            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("subscribed to pico/+/internal, pico/+/temperature, pico/+/humidity, "
                    + "pico/+/status, pico/+/diagnostics, homeassistant/device/+/config",
                    "board " + BOARD + ": PASS", "board " + OTHER + ": PASS", "PASS: 2 of 2 boards passed (needed 2), "
                    + "12 checks").containsPattern("pico/" + OTHER + "/temperature +2/2 .* PASS")
                    .containsPattern("homeassistant/device/" + BOARD + "/config +\\(Home Assistant discovery\\) +PASS");
            Map<String, Object> json = JsonDocs.object(Files.readString(dir.resolve("r.json")));
            assertThat(json).containsEntry("passed", true).containsEntry("boards_passed", 2.0);
            assertThat(((List<?>) json.get("boards")).stream().map(x -> (Object) ((Map<?, ?>) x).get("board")))
                    .containsExactlyInAnyOrder(BOARD, OTHER);
            String xml = Files.readString(dir.resolve("r.xml"));
            assertThat(xml).contains("tests=\"13\"", "failures=\"0\"", "classname=\"picotool-verify." + OTHER
                    + "\" name=\"pico/" + OTHER + "/humidity\"", "name=\"boards\"");
        }
    }

    private VirtualPicoProcess flashedBoard(EmbeddedBroker broker, List<String> boardArgs) {
        return flashedBoard(broker.port(), BOARD, "", boardArgs, false);
    }

    /** A virtual Pico with this id, in {@code dir/name}, flashed for the broker on this port. */
    private VirtualPicoProcess flashedBoard(int port, String id, String name, List<String> boardArgs,
                                            boolean ownTopics) {
        List<String> args = new java.util.ArrayList<>(boardArgs);
        args.addAll(List.of("--board-id", id));
        try {
            Files.createDirectories(dir.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        VirtualPicoProcess board = VirtualPicoProcess.start(Repo.tool(""), dir.resolve(name).resolve("tty"),
                dir.resolve(name).resolve("fs"), "Lab", "secretpass", Duration.ofSeconds(15), args);
        RawSettings raw = new RawSettings().put("wifi.ssid", "Lab").put("wifi.password_env", "PW")
                .put("mqtt.broker", "127.0.0.1:" + port).put("mqtt.allow_loopback", "true").put("interval", "2");
        if (ownTopics) {
            for (int i = 0; i < OWN_TOPICS.size(); i += 2) {
                raw.put("topics." + OWN_TOPICS.get(i).substring("--topic-".length()), OWN_TOPICS.get(i + 1));
            }
        }
        PicoConfig config = Configs.validator(new FakeSecrets().env("PW", "secretpass")).validate(raw);
        try (RawRepl repl = DeviceAccess.system().connect(board.port(), ReplTimings.standard())) {
            new Flasher(repl, TransferTuning.standard(), FlashProgress.NONE).flash(new FirmwareRenderer("0.1.0")
                    .render(config), Flasher.Options.standard().withBackups(Optional.empty())
                    .withMonitor(Duration.ofSeconds(10)));
        }
        return board;
    }
}
