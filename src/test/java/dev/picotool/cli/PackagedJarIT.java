package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.Deadline;
import dev.picotool.testing.JsonDocs;
import dev.picotool.testing.RawPublisher;
import dev.picotool.testing.TestBroker;
import dev.picotool.testing.TestPublisher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users run it. The pom leaves parts of the libraries out of it (Moquette's unused dependencies,
 * Netty's TLS and HTTP codecs, FreeMarker's servlet support, jSerialComm's Android libraries): this proves that what
 * remains serves the broker, verify, render and the serial port list.
 */
class PackagedJarIT {
    static final Path JAR = Path.of(System.getProperty("picotool.repo", "."), "target", "picotool-all.jar");
    static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path tmp;

    Process picotool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        pb.environment().put("PICOTOOL_WIFI_PASSWORD", "jar-test-pw");
        return pb.start();
    }

    static String run(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** Issue 8's promise: the shaded jar stays small (it was 10.4 MB with Moquette's unused dependencies). */
    static final long MAX_JAR_BYTES = 6_000_000;

    @Test
    void theJarStaysSmallAndHoldsNoOldJacksonDatabind() throws Exception {
        assertThat(java.nio.file.Files.size(JAR)).isLessThan(MAX_JAR_BYTES);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(JAR.toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
                    .noneMatch(n -> n.startsWith("com/fasterxml/jackson/databind/"));
        }
    }

    @Test
    void theBrokerVerifyRenderAndPortsWorkFromTheJar() throws Exception {
        Process broker = picotool("broker", "--port", "0", "--bind", "127.0.0.1", "--anonymous");
        List<String> brokerErr = new CopyOnWriteArrayList<>();
        drain(new BufferedReader(new InputStreamReader(broker.getErrorStream(), StandardCharsets.UTF_8)), brokerErr);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(),
                    StandardCharsets.UTF_8));
            int port = -1;
            for (String line = out.readLine(); line != null && !line.equals("Press Ctrl-C to stop.");
                 line = out.readLine()) {
                Matcher m = LISTENING.matcher(line);
                port = m.find() ? Integer.parseInt(m.group(1)) : port;
            }
            assertThat(port).as("the broker's port").isPositive();
            TestBroker address = TestBroker.at(port);
            Path report = tmp.resolve("report.json");
            try (TestPublisher pico = TestPublisher.connect(address).retained("jar/pico/status", "online")
                    .every(Duration.ofMillis(200), Map.of("jar/pico/t", TestPublisher.repeat("{\"value\": 21.5}",
                            500)))) {
                Process verify = picotool("--verbose", "verify", "--broker", "127.0.0.1:" + port, "--topic",
                        "jar/pico/t", "--topic-status", "jar/pico/status", "--expect-status", "--interval", "0.2",
                        "--count", "2", "--report", "json", report.toString());
                String verifyErr = new String(verify.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                String verifyOut = run(verify);
                assertThat(verify.exitValue()).as(verifyOut + verifyErr).isZero();
                assertThat(verifyErr).contains(" FINE ");
                assertThat(JsonDocs.object(Files.readString(report))).containsEntry("passed", true);
            }
            try (RawPublisher big = RawPublisher.connect(address)) {
                big.publish("jar/big", new byte[70_000]);
                Deadline.await(Duration.ofSeconds(20), () -> String.join("\n", brokerErr).contains(
                        "refused an MQTT message"), () -> "the broker's warning: " + brokerErr);
            }

            new ProcessBuilder("kill", "-INT", Long.toString(broker.pid())).start().waitFor(10, TimeUnit.SECONDS);
            assertThat(broker.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(broker.exitValue()).isZero();
            assertThat(out.readLine()).isEqualTo("broker stopped");
        } finally {
            broker.destroyForcibly();
        }

        // The settings file is read with the parts of SnakeYAML the jar keeps; the board data with jackson-core.
        java.nio.file.Path yaml = java.nio.file.Files.writeString(tmp.resolve("picotool.yaml"), "wifi:\n  ssid: NO\n"
                + "mqtt:\n  broker: 192.168.1.11\nsensor:\n  pin: GP16\n");
        Process render = picotool("render", "--out", tmp.resolve("fw").toString(), "--config", yaml.toString());
        String rendered = run(render);
        assertThat(render.exitValue()).as(rendered).isZero();
        assertThat(java.nio.file.Files.readString(tmp.resolve("fw/settings.py"))).contains("WIFI_SSID = 'NO'",
                "SENSOR_PIN = 16");
        java.nio.file.Files.writeString(yaml, "wifi:\n  ssid: Lab\nsensor:\n  pin: 015\n");
        Process refused = picotool("validate", "--config", yaml.toString());
        run(refused);
        String why = new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(refused.exitValue()).as(why).isEqualTo(3);
        assertThat(why).contains("picotool.yaml:4:8: sensor.pin: '015' has a leading zero");

        Process ports = picotool("ports");
        String listed = run(ports);
        assertThat(ports.exitValue()).as(listed).isZero();
    }

    private static void drain(BufferedReader in, List<String> into) {
        Thread t = new Thread(() -> {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    into.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "jar-stderr");
        t.setDaemon(true);
        t.start();
    }
}
