package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.Deadline;
import dev.picotool.testing.TestBroker;
import dev.picotool.testing.TestPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void servesThePicoUntilStoppedAndSaysHowToUseIt() throws Exception {
        Running broker = new Running("broker", "--port", "0", "--bind", "127.0.0.1");
        try (broker; TestPublisher pico = TestPublisher.connect(broker)) {
            pico.every(Duration.ofMillis(200), Map.of("b/pico/temperature/internal", TestPublisher.repeat("21", 500)));
            Cli verify = CompletableFuture.supplyAsync(() -> Cli.run("verify", "--broker", broker.address(),
                    "--sensor", "none", "--topic-internal", "b/pico/temperature/internal", "--interval", "0.2",
                    "--count", "2")).get(20, TimeUnit.SECONDS);
            assertThat(verify.rc).as(verify.toString()).isZero();
        }
        assertThat(broker.thread.isAlive()).isFalse();
        assertThat(broker.cli.rc).as(broker.cli.toString()).isZero();
        assertThat(broker.cli.out()).contains("MQTT broker (MQTT 3.1.1) listening on 127.0.0.1:" + broker.port,
                "Anyone on the network may connect", "Bound to 127.0.0.1: only programs on this computer",
                "picotool verify --broker 127.0.0.1:" + broker.port, "Press Ctrl-C to stop.")
                .endsWith("broker stopped\n");
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
            Cli student = Cli.run("verify", "--broker", broker.address(), "--mqtt-user", "student",
                    "--mqtt-password-file", pw.toString(), "--sensor", "none", "--count", "1", "--interval", "0.2",
                    "--timeout", "0.3");

            assertThat(anonymous.rc).as(anonymous.toString()).isEqualTo(5);
            assertThat(wrongUser.rc).as(wrongUser.toString()).isEqualTo(5);
            assertThat(student.rc).as(student.toString()).isEqualTo(6); // connected; nobody publishes
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
}
