package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.RawSettings;
import dev.picotool.config.Use;
import dev.picotool.testing.Cli;
import dev.picotool.testing.Configs;
import dev.picotool.testing.FakeSecrets;
import dev.picotool.testing.Mosquitto;
import dev.picotool.testing.Ports;
import dev.picotool.testing.TestPublisher;
import dev.picotool.verify.RetainedMessages;
import dev.picotool.verify.VerifyPlans;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code picotool ha remove} against Debian's Mosquitto: retained discovery, status and health report are gone. */
class HaRemoveCommandTest {
    static final String A = "e6614103e7a1b2c3";
    static final String B = "e66141040b0c0d0e";
    static final String FOREIGN = "homeassistant/device/0123456789abcdef/config";

    @TempDir
    Path dir;
    Mosquitto broker;

    @BeforeEach
    void boards() {
        broker = Mosquitto.anonymous(dir);
        try (TestPublisher p = TestPublisher.connect(broker)) {
            // board A in device mode, board B in component mode (what firmware/hadiscovery.py publishes)
            p.retained("homeassistant/device/" + A + "/config", "{\"dev\": {\"ids\": [\"" + A + "\"]}, \"o\": "
                    + "{\"name\": \"picotool\", \"sw\": \"0.1.0\"}, \"cmps\": {}}");
            p.retained("pico/" + A + "/status", "online").retained("pico/" + A + "/diagnostics", "{}");
            for (String k : List.of("temperature", "humidity", "internal")) {
                p.retained("homeassistant/sensor/" + B + "_" + k + "/config", "{\"uniq_id\": \"" + B + "_" + k
                        + "\", \"o\": {\"sw\": \"0.1.0\", \"name\": \"picotool\"}}");
            }
            p.retained("pico/" + B + "/status", "offline");
            // not picotool's: another tool's device with an id of the same shape, and a plain one
            p.retained(FOREIGN, "{\"o\": {\"name\": \"zigbee2mqtt\"}}");
            p.retained("homeassistant/device/kitchen/config", "{\"o\": {\"name\": \"picotool\"}}");
        }
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    Cli.Result run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "ha";
        all[1] = "remove";
        all[2] = "--broker=127.0.0.1:" + broker.port();
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.run(new FakeSecrets(), all);
    }

    Map<String, String> retained() {
        var config = Configs.validator(new FakeSecrets()).validate(new RawSettings().put("mqtt.broker",
                "127.0.0.1:" + broker.port()), Use.VERIFY);
        Map<String, String> out = new TreeMap<>();
        new RetainedMessages(VerifyPlans.connection(config)).read(List.of("#")).forEach((t, p) -> out.put(t,
                new String(p, StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void removesOneBoardInEveryModeAndLeavesTheOthers() {
        Cli.Result r = run("--board", A.toUpperCase());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("1 board:", A + "  homeassistant/device/" + A + "/config", "cleared " + A);
        assertThat(retained()).doesNotContainKeys("homeassistant/device/" + A + "/config", "pico/" + A + "/status",
                "pico/" + A + "/diagnostics")
                .containsKeys("homeassistant/sensor/" + B + "_internal/config", "pico/" + B + "/status", FOREIGN);
    }

    @Test
    void allListsThenClearsEveryPicotoolBoardAndNothingElse() {
        Cli.Result dry = run("--all", "--dry-run");
        assertThat(dry.exitCode()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("2 boards:", A, B + "  homeassistant/sensor/" + B + "_temperature/config")
                .contains("would clear: ").doesNotContain("0123456789abcdef", "kitchen");
        assertThat(retained()).hasSize(9);  // nothing cleared
        Cli.Result r = run("--all");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(retained()).containsOnlyKeys(FOREIGN, "homeassistant/device/kitchen/config");
        assertThat(run("--all").out()).contains("no picotool board has discovery retained at");
    }

    @Test
    void wrongUseIsAUsageErrorAndNoBrokerIsExit5() {
        assertThat(run().exitCode()).isEqualTo(2);
        assertThat(run("--all", "--board", A).exitCode()).isEqualTo(2);
        Cli.Result bad = run("--board", "kitchen");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'kitchen' is not a board id", "16 hex digits");
        Cli.Result down = Cli.run(new FakeSecrets(), "ha", "remove", "--all", "--broker=127.0.0.1:" + Ports.free());
        assertThat(down.exitCode()).as(down.out() + down.err()).isEqualTo(5);
        assertThat(down.err()).contains("cannot reach the MQTT broker at 127.0.0.1:");
    }
}
