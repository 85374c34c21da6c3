package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.Deadline;
import dev.picotool.testing.RawPublisher;
import dev.picotool.testing.TestBroker;
import dev.picotool.testing.TestPublisher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `picotool broker` in a thread (bound to 127.0.0.1), checked with `picotool verify`, stopped by interrupting it. */
class BrokerCommandTest {
    static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    /** The running command; its port is read from what it printed. */
    static final class Running implements TestBroker {
        final Cli cli = new Cli();
        final Thread thread;
        final int port;

        Running(String... args) {
            thread = new Thread(() -> cli.rc = PicoTool.execute(new PicoTool(), new java.io.PrintWriter(cli.out,
                    true), new java.io.PrintWriter(cli.err, true), args), "broker-command");
            thread.start();
            Deadline.await(Duration.ofSeconds(10), () -> LISTENING.matcher(cli.out()).find() || !thread.isAlive(),
                    () -> "broker to say where it listens: " + cli);
            Matcher m = LISTENING.matcher(cli.out());
            assertThat(m.find()).as(cli.toString()).isTrue();
            port = Integer.parseInt(m.group(1));
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public void restart() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static final Pattern PASSWORD_FILE = Pattern.compile("--mqtt-password-file (\\S+)");

    @Test
    void isClosedByDefaultAndServesThePicoWithTheLoginItMadeUntilStopped() throws Exception {
        Running broker = new Running("broker", "--port", "0", "--bind", "127.0.0.1");
        Matcher file = PASSWORD_FILE.matcher(broker.cli.out());
        assertThat(file.find()).as(broker.cli.toString()).isTrue();
        Path passwordFile = Path.of(file.group(1));
        String password = Files.readString(passwordFile).strip();
        try (broker; TestPublisher pico = TestPublisher.connect(broker, "picotool", password)) {
            pico.every(Duration.ofMillis(200), Map.of("b/pico/temperature/internal", TestPublisher.repeat("21", 500)));
            Cli anonymous = Cli.run("verify", "--broker", broker.address(), "--sensor", "none", "--count", "1");
            Cli verify = CompletableFuture.supplyAsync(() -> Cli.run("verify", "--broker", broker.address(),
                    "--mqtt-user", "picotool", "--mqtt-password-file", passwordFile.toString(), "--sensor", "none",
                    "--topic-internal", "b/pico/temperature/internal", "--interval", "0.2", "--count", "2"))
                    .get(30, TimeUnit.SECONDS);

            // On this computer verify takes the broker's login by itself (issue 10), and says so.
            Cli byItself = CompletableFuture.supplyAsync(() -> Cli.runWithLocalBroker("verify", "--broker",
                    broker.address(), "--sensor", "none", "--topic-internal", "b/pico/temperature/internal",
                    "--interval", "0.2", "--count", "2")).get(30, TimeUnit.SECONDS);

            assertThat(anonymous.rc).as(anonymous.toString()).isEqualTo(5);
            assertThat(verify.rc).as(verify.toString()).isZero();
            assertThat(byItself.rc).as(byItself.toString()).isZero();
            assertThat(byItself.out()).contains("MQTT login: user picotool of `picotool broker` on this computer "
                    + "(password from file " + passwordFile + ")").doesNotContain(password);
        }
        assertThat(broker.thread.isAlive()).isFalse();
        assertThat(broker.cli.rc).as(broker.cli.toString()).isZero();
        assertThat(broker.cli.out()).contains("MQTT broker (MQTT 3.1.1) listening on 127.0.0.1:" + broker.port,
                "'picotool'", "password in " + passwordFile, "Bound to 127.0.0.1: only programs on this computer",
                "picotool verify --broker 127.0.0.1:" + broker.port + " --mqtt-user picotool --mqtt-password-file "
                        + passwordFile, "Press Ctrl-C to stop.")
                .doesNotContain(password).endsWith("broker stopped\n");
        assertThat(broker.cli.err()).isEmpty();
    }

    @Test
    void anonymousOpensItWithAWarning() throws Exception {
        try (Running broker = new Running("broker", "--port", "0", "--bind", "127.0.0.1", "--anonymous")) {
            Cli c = Cli.run("verify", "--broker", broker.address(), "--sensor", "none", "--count", "1",
                    "--interval", "0.2", "--timeout", "2");
            assertThat(c.rc).as(c.toString()).isEqualTo(6); // connected; nobody publishes
            try (RawPublisher big = RawPublisher.connect(broker)) {
                big.publish("b/big", new byte[70_000]);
                Deadline.await(Duration.ofSeconds(10), () -> broker.cli.err().contains("refused an MQTT message"),
                        () -> "a warning about the big message: " + broker.cli);
            }
            assertThat(broker.cli.out()).contains("Anyone on the network may connect");
            assertThat(broker.cli.err()).startsWith("warning: --anonymous: anyone who can reach this computer")
                    .contains("warning: refused an MQTT message of 70007 bytes, over the broker's limit of 65536");
        }
    }

    @Test
    void withAUserOnlyThatUserGetsIn(@TempDir Path tmp) throws Exception {
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, "class-pw\n");
        try (Running broker = new Running("broker", "--port", "0", "--bind", "127.0.0.1", "--user", "student",
                "--password-file", pw.toString())) {
            Cli anonymous = Cli.run("verify", "--broker", broker.address(), "--count", "1", "--interval", "0.2");
            Cli wrongUser = Cli.run("verify", "--broker", broker.address(), "--mqtt-user", "teacher",
                    "--mqtt-password-file", pw.toString(), "--count", "1", "--interval", "0.2");
            Cli student = Cli.run("--verbose", "verify", "--broker", broker.address(), "--mqtt-user", "student",
                    "--mqtt-password-file", pw.toString(), "--sensor", "none", "--count", "1", "--interval", "0.2",
                    "--timeout", "2");

            assertThat(anonymous.rc).as(anonymous.toString()).isEqualTo(5);
            assertThat(wrongUser.rc).as(wrongUser.toString()).isEqualTo(5);
            assertThat(student.rc).as(student.toString()).isEqualTo(6); // connected; nobody publishes
            // --verbose shows the client's and the (in-process) broker's logs of the login, never the password
            assertThat(student.err()).contains("CONNECT").doesNotContain("class-pw");
            assertThat(broker.cli.out()).contains("Clients must log in as 'student'",
                    "--mqtt-user student --mqtt-password").doesNotContain("class-pw");
        }
    }

    @Test
    void aUserWithoutAPasswordIsRefused() {
        Cli c = Cli.run("broker", "--port", "0", "--bind", "127.0.0.1", "--user", "student", "--password-env",
                "PICOTOOL_TEST_UNSET_VARIABLE");
        assertThat(c.rc).isEqualTo(3);
        assertThat(c.err()).contains("the environment variable named by --password-env is not set");
    }

    @Test
    void badOptionsAreRefusedBeforeListening() {
        Cli port = Cli.run("broker", "--port", "99999");
        assertThat(port.rc).as(port.toString()).isEqualTo(2);
        assertThat(port.err()).isEqualTo("error: --port 99999 is not a port number\nhint: give 1-65535 (0 picks any "
                + "free port), e.g. --port 1883\n");

        Cli both = Cli.run("broker", "--port", "0", "--anonymous", "--user", "x", "--password-env", "X");
        assertThat(both.rc).isEqualTo(2);
        assertThat(both.err()).contains("--anonymous and --user contradict each other");
    }

    /** In a process of its own: Ctrl-C (SIGINT) and SIGTERM are how a broker is stopped, so they exit with 0. */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalStopsItCleanlyWithExitCode0(String signal, @TempDir Path config) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PicoTool.class.getName(), "broker", "--port", "0",
                "--bind", "127.0.0.1").redirectErrorStream(true);
        pb.environment().put("XDG_CONFIG_HOME", config.toString());
        Process p = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = out.readLine(); line != null && !line.equals("Press Ctrl-C to stop.");
                 line = out.readLine()) {
                lines.add(line);
            }
            assertThat(lines).as("broker output").anyMatch(l -> l.startsWith("Made a login for this broker"));
            assertThat(config.resolve("picotool/broker-password")).exists();

            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("broker to stop").isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(out.readLine()).isEqualTo("broker stopped");
        } finally {
            p.destroyForcibly();
        }
    }
}
