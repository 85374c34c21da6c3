package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.Mosquitto;
import dev.picotool.testing.Ports;
import dev.picotool.testing.RawPublisher;
import dev.picotool.testing.TestPublisher;
import dev.picotool.testing.JsonDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `picotool verify` end to end against mosquitto: exit codes and the lines people read. */
class VerifyCommandTest {
    static final Duration FAST = Duration.ofMillis(200);

    @TempDir
    static Path dir;

    static Mosquitto broker;
    static TestPublisher pico;

    @BeforeAll
    static void startBrokerAndPico() {
        broker = Mosquitto.anonymous(dir);
        pico = TestPublisher.connect(broker).retained("cli/pico/status", "online").every(FAST, Map.of(
                "cli/pico/temperature/internal", TestPublisher.repeat("{\"value\": 21.5, \"unit\": \"°C\"}", 1000),
                "cli/pico/temperature/dht22", TestPublisher.repeat("{\"value\": 23.1, \"unit\": \"°C\"}", 1000),
                "cli/pico/humidity/dht22", TestPublisher.repeat("{\"value\": 45.0, \"unit\": \"%\"}", 1000),
                "half/pico/temperature/internal", TestPublisher.repeat("21.5", 1000)));
    }

    @AfterAll
    static void stop() {
        pico.close();
        broker.close();
    }

    static String[] verify(String prefix, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("verify", "--broker", broker.address(),
                "--topic-internal", prefix + "/pico/temperature/internal",
                "--topic-temperature", prefix + "/pico/temperature/dht22",
                "--topic-humidity", prefix + "/pico/humidity/dht22", "--topic-status", prefix + "/pico/status",
                "--interval", "0.2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void passesWithExitCode0AndWritesReportsAndTheRecording() throws Exception {
        Files.createDirectories(dir.resolve("out"));
        Path json = dir.resolve("out/verify.json");
        Path junit = dir.resolve("verify.xml");
        Path csv = dir.resolve("readings.csv");

        Cli c = Cli.run(verify("cli", "--payload", "json", "--expect-status", "--report", "json", json.toString(),
                "--report", "junit", junit.toString(), "--record", csv.toString(), "--count", "2"));

        assertThat(c.rc).as(c.toString()).isZero();
        assertThat(c.out()).contains("Waiting for 2 readings on each of 3 topics at " + broker.address()
                        + " (every 0.2 s, at most 15.6 s)",
                "connected to " + broker.address() + ", subscribed to cli/pico/temperature/internal, "
                        + "cli/pico/temperature/dht22, cli/pico/humidity/dht22, cli/pico/status",
                "status cli/pico/status = 'online' (retained)", "PASS: 3 topics on " + broker.address(),
                "json report written to " + json, "readings recorded in " + csv);
        assertThat(c.out()).containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  cli/pico/humidity/dht22 +\\{\"value\": "
                + "45.0, \"unit\": \"%\"} 1/2");
        assertThat(c.err()).isEmpty();
        assertThat(JsonDocs.object(Files.readString(json)).get("passed")).isEqualTo(true);
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile())
                .getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThanOrEqualTo(7)
                .first().isEqualTo("time,topic,payload,value,retained,problem");
    }

    @Test
    void missingReadingsExitWith6NamingTheTopics() {
        Cli c = Cli.run(verify("half", "--timeout", "1.2", "--count", "2"));

        assertThat(c.rc).as(c.toString()).isEqualTo(6);
        assertThat(c.out()).contains("FAIL: 3 topics on " + broker.address())
                .contains("failing: half/pico/temperature/dht22, half/pico/humidity/dht22")
                .containsPattern("half/pico/humidity/dht22 +0/2 .* FAIL  no readings in 1.\\d s");
        assertThat(c.err()).startsWith("error: verification failed for half/pico/temperature/dht22, "
                + "half/pico/humidity/dht22\nhint: the table above says why");
    }

    @Test
    void withoutASensorOnlyTheInternalTemperatureIsChecked() {
        Cli c = Cli.run(verify("half", "--sensor", "none", "--count", "1"));

        assertThat(c.rc).as(c.toString()).isZero();
        assertThat(c.out()).contains("subscribed to half/pico/temperature/internal\n", "PASS: 1 topic on");
    }

    @Test
    void explicitTopicsWithARange() {
        Cli c = Cli.run("verify", "--broker", broker.address(), "--topic", "cli/pico/temperature/internal",
                "--range", "30:40", "--interval", "0.2", "--count", "1", "--payload", "json");

        assertThat(c.rc).as(c.toString()).isEqualTo(6);
        assertThat(c.out()).contains("1 value outside 30…40 (first: 21.5)", "FAIL: 1 topic on");
    }

    @Test
    void readsTheFirmwaresConfigFileAndIgnoresItsWifiPart(@TempDir Path tmp) throws Exception {
        Path yaml = tmp.resolve("pico.yaml");
        Files.writeString(yaml, "wifi:\n  ssid: Lab\n  password_env: NOT_NEEDED_HERE\nmqtt:\n  broker: "
                + broker.address() + "\ntopics:\n  internal: half/pico/temperature/internal\nsensor:\n  type: none\n"
                + "interval: 0.2\n");

        Cli c = Cli.run("verify", "--config", yaml.toString(), "--count", "1");

        assertThat(c.rc).as(c.toString()).isZero();
        assertThat(c.out()).contains("subscribed to half/pico/temperature/internal\n");
    }

    @Test
    void noBrokerExitsWith5AndAHint() {
        Cli c = Cli.run("verify", "--broker", "127.0.0.1:" + Ports.free(), "--interval", "0.2");

        assertThat(c.rc).as(c.toString()).isEqualTo(5);
        assertThat(c.err()).contains("error: cannot reach the MQTT broker at 127.0.0.1:", ": connection refused",
                "hint: is the broker running");
    }

    @Test
    void wrongPasswordFromAFileExitsWith5WithoutShowingIt(@TempDir Path tmp) throws Exception {
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, "hunter2-wrong\n");
        try (Mosquitto locked = Mosquitto.withPassword(tmp, "student", "right-one")) {
            Cli c = Cli.run("verify", "--broker", locked.address(), "--mqtt-user", "student",
                    "--mqtt-password-file", pw.toString(), "--interval", "0.2");

            assertThat(c.rc).as(c.toString()).isEqualTo(5);
            assertThat(c.err()).contains("refused the login (CONNACK 5: not authorised) for user 'student'");
            assertThat(c.out() + c.err()).doesNotContain("hunter2").doesNotContain("right-one");
        }
    }

    @Test
    void badSettingsAreRefusedBeforeConnecting() {
        Cli c = Cli.run("verify", "--broker", "127.0.0.1:1", "--interval", "abc", "--topic-humidity", "pico/#",
                "--topic-status", "$SYS/x");
        assertThat(c.rc).as(c.toString()).isEqualTo(3);
        assertThat(c.err()).contains("interval: 'abc' is not a number of seconds", "topics.humidity: 'pico/#' "
                + "contains a wildcard", "topics.status: topics starting with $ are reserved");

        Cli range = Cli.run("verify", "--broker", "127.0.0.1:1", "--temp-range", "80:-40");
        assertThat(range.rc).as(range.toString()).isEqualTo(2);
        assertThat(range.err()).contains("--temp-range", "range minimum 80.0 is above its maximum -40.0");

        Cli inline = Cli.run("verify", "--mqtt-password", "s3cret");
        assertThat(inline.rc).isEqualTo(3);
        assertThat(inline.err()).contains("shell history").doesNotContain("s3cret");

        Cli report = Cli.run("verify", "--report", "xml", "x.xml");
        assertThat(report.rc).isEqualTo(2);
        assertThat(report.err()).contains("unknown report format 'xml' (json or junit)");
    }

    /** Board options are checked before connecting (nothing listens on port 1): exit 2 with the fix. */
    @Test
    void boardOptionsAreCheckedBeforeConnecting() {
        Cli bad = Cli.run("verify", "--broker", "127.0.0.1:1", "--board", "kitchen");
        assertThat(bad.rc).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err()).contains("--board: 'kitchen' is not a board id", "16 hex digits");
        Cli zero = Cli.run("verify", "--broker", "127.0.0.1:1", "--boards", "0");
        assertThat(zero.rc).as(zero.toString()).isEqualTo(2);
        assertThat(zero.err()).contains("--boards must be between 1 and 1000");
        Cli apart = Cli.run("verify", "--broker", "127.0.0.1:1", "--boards", "2");
        assertThat(apart.rc).as(apart.toString()).isEqualTo(2);
        assertThat(apart.err()).contains("--boards: the topics hold no {id}, so boards cannot be told apart");
        Cli more = Cli.run("verify", "--broker", "127.0.0.1:1", "--expect-status", "--board", "e6614103e7a1b2c3",
                "--boards", "2");
        assertThat(more.rc).as(more.toString()).isEqualTo(2);
        assertThat(more.err()).contains("--boards 2, but --board names only 1 board");
        Cli off = Cli.run("verify", "--broker", "127.0.0.1:1", "--expect-diagnostics", "--diagnostics-interval",
                "0");
        assertThat(off.rc).as(off.toString()).isEqualTo(2);
        assertThat(off.err()).contains("the settings turn the health report off (diagnostics_interval: 0)");
        Cli placeholder = Cli.run("verify", "--broker", "127.0.0.1:1", "--topic", "pico/{mac}/t");
        assertThat(placeholder.rc).as(placeholder.toString()).isEqualTo(3);
        assertThat(placeholder.err()).contains("--topic", "'{mac}', which is not a placeholder picotool knows");
        Cli ownTopic = Cli.run("verify", "--broker", "127.0.0.1:1", "--topic", "pico/{id}/t", "--boards", "2");
        assertThat(ownTopic.rc).as("{id} in --topic tells boards apart; then nothing listens: " + ownTopic)
                .isEqualTo(5);
    }

    /** Checked before connecting (no broker listens here: exit 5 would mean it tried), exit 2 with the fix. */
    @Test
    void reportAndRecordPathsAreCheckedBeforeConnecting(@TempDir Path tmp) {
        String nobody = "127.0.0.1:" + Ports.free();

        Cli directory = Cli.run("verify", "--broker", nobody, "--report", "junit", tmp.toString());
        assertThat(directory.rc).as(directory.toString()).isEqualTo(2);
        assertThat(directory.err()).contains("--report junit " + tmp + ": is a directory");

        Cli missing = Cli.run("verify", "--broker", nobody, "--report", "json", tmp + "/no/such/dir/r.json");
        assertThat(missing.rc).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist", "hint: create it first");
        assertThat(tmp.resolve("no")).doesNotExist();

        Cli proc = Cli.run("verify", "--broker", nobody, "--record", "/proc/y.csv");
        assertThat(proc.rc).as(proc.toString()).isEqualTo(2);
        assertThat(proc.err()).contains("--record /proc/y.csv: cannot be written");
        assertThat(proc.out()).isEmpty();
    }

    /** A payload that cannot be a reading is counted as malformed; exit 6, never 1 (before: StackOverflowError). */
    @Test
    void hostilePayloadsAreMalformedReadingsNotCrashes(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("r.json");
        try (RawPublisher raw = RawPublisher.connect(broker)) {
            raw.every(FAST, "hostile/nested", "{\"value\": 1, \"a\": " + "[".repeat(100_000));
            raw.every(FAST, "hostile/infinite", "1e309");
            raw.every(FAST, "hostile/forged", "21.5\n\u001b[1A\u001b[2KPASS: 3 topics on " + broker.address());
            Cli c = Cli.run("verify", "--broker", broker.address(), "--topic", "hostile/nested", "--topic",
                    "hostile/infinite", "--topic", "hostile/forged", "--interval", "0.2", "--count", "2",
                    "--report", "json", json.toString());

            assertThat(c.rc).as(c.toString()).isEqualTo(6);
            assertThat(c.out()).containsPattern("hostile/nested .* FAIL  2 payloads not understood \\(first: "
                    + "'\\{\"value\": 1, \"a\": \\[+…': payload longer than 4096 bytes: not a reading\\)")
                    .contains("'1e309': not a finite number")
                    .doesNotContain("\u001b").doesNotContain("\nPASS").contains("21.5\\n\\x1b[1A");
            assertThat(c.err()).startsWith("error: verification failed for hostile/nested, hostile/infinite, "
                    + "hostile/forged\n");
            assertThat(Files.readString(json)).doesNotContain("E15").doesNotContain("Infinity");
        }
    }

    @Test
    void verboseShowsTheMqttClientsOwnLogOnStderrAndTheDefaultShowsNone() {
        Cli quiet = Cli.run(verify("half", "--sensor", "none", "--count", "1"));
        Cli verbose = Cli.run(verify("half", "--sensor", "none", "--count", "1", "--verbose"));

        assertThat(quiet.rc).as(quiet.toString()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(verbose.rc).as(verbose.toString()).isZero();
        assertThat(verbose.err()).containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} FINE \\S*ClientComms: ")
                .doesNotContain("hunter");
        assertThat(Cli.run("--verbose", "verify", "--broker", broker.address(), "--topic", "x", "--count", "1",
                "--interval", "0.2", "--timeout", "0.5").err()).contains(" FINE ");
    }
}
