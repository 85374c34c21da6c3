package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.config.Secret;
import dev.picotool.config.SensorType;
import dev.picotool.testing.Deadline;
import dev.picotool.testing.EmbeddedTestBroker;
import dev.picotool.testing.Mosquitto;
import dev.picotool.testing.Ports;
import dev.picotool.testing.RawPublisher;
import dev.picotool.testing.TestBroker;
import dev.picotool.testing.TestPublisher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The verifier against real brokers (mosquitto and picotool's embedded one) through Paho: connecting, logging in,
 * reconnecting, topics Paho cannot carry by itself. Outcomes only: timing is judged in {@link VerifierTest}.
 */
class PahoBrokerEventsTest {
    enum Kind { MOSQUITTO, EMBEDDED }

    static final Duration FAST = Duration.ofMillis(200);
    static final AtomicInteger RUN = new AtomicInteger();
    static final Map<Kind, TestBroker> SHARED = new EnumMap<>(Kind.class);

    @TempDir
    static Path dir;

    final String prefix = "p" + RUN.incrementAndGet() + "/";
    final String internal = prefix + "pico/temperature/internal";
    final String temperature = prefix + "pico/temperature/dht22";
    final String humidity = prefix + "pico/humidity/dht22";
    final EventLog log = new EventLog();

    /** One broker per kind for the scenarios that do not stop it; each test uses its own topics. */
    static synchronized TestBroker shared(Kind kind) {
        return SHARED.computeIfAbsent(kind, k -> start(k, Optional.empty()));
    }

    static TestBroker start(Kind kind, Optional<String> userAndPassword) {
        if (kind == Kind.MOSQUITTO) {
            return userAndPassword.map(u -> (TestBroker) Mosquitto.withPassword(dir, u, u + "-pw"))
                    .orElseGet(() -> Mosquitto.anonymous(dir));
        }
        return userAndPassword.map(u -> (TestBroker) EmbeddedTestBroker.withPassword(u, u + "-pw"))
                .orElseGet(EmbeddedTestBroker::anonymous);
    }

    @AfterAll
    static void stopBrokers() {
        SHARED.values().forEach(TestBroker::close);
        SHARED.clear();
    }

    static BrokerConnection anonymous(TestBroker b) {
        return new BrokerConnection("127.0.0.1", b.port(), Optional.empty(), Optional.empty(), false,
                Optional.empty());
    }

    static VerifyPlan plan(List<TopicExpectation> topics, int count, Duration timeout) {
        return new VerifyPlan(topics, count, FAST, timeout, Optional.empty(), Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void passesWithPlainAndJsonReadingsAndTheRetainedStatus(Kind kind) {
        TestBroker broker = shared(kind);
        try (TestPublisher pico = TestPublisher.connect(broker).retained(prefix + "pico/status", "online")) {
            log.whenConnected(() -> pico.every(FAST, Map.of(internal, TestPublisher.repeat("21.5", 50),
                    temperature, TestPublisher.repeat("{\"value\": 23.1, \"unit\": \"°C\"}", 50),
                    humidity, TestPublisher.repeat("{\"value\": 45.0, \"unit\": \"%\"}", 50))));
            VerifyPlan plan = new VerifyPlan(List.of(TopicExpectation.internal(internal),
                    TopicExpectation.temperature(temperature, SensorType.DHT22),
                    TopicExpectation.humidity(humidity, SensorType.DHT22)), 3, FAST, Duration.ofSeconds(20),
                    Optional.of(prefix + "pico/status"), Optional.empty());

            VerifyResult r = new Verifier().run(anonymous(broker), plan, log);

            assertThat(r.passed()).as("%s / %s", r, log.lines).isTrue();
            assertThat(r.topics()).allSatisfy(t -> assertThat(t.count()).isGreaterThanOrEqualTo(3));
            assertThat(r.statuses()).singleElement().extracting(StatusResult::passed).isEqualTo(true);
            assertThat(log.lines.get(0)).startsWith("connected 127.0.0.1:" + broker.port());
            assertThat(log.lines).contains("status " + prefix + "pico/status online");
            pico.retained(prefix + "pico/status", "");
        }
    }

    /**
     * Paho 1.2.5 refuses every topic with a character outside the Basic Multilingual Plane (and from U+FDD0 up):
     * {@link TopicAliases} carries them. Published byte by byte, since Paho cannot publish there either.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void topicsWithEmojiAndFullwidthCharactersWork(Kind kind) {
        TestBroker broker = shared(kind);
        String emoji = prefix + "pico/🌡";
        String wide = prefix + "pico/ｔｅｍｐ";
        try (RawPublisher raw = RawPublisher.connect(broker); TestPublisher plain = TestPublisher.connect(broker)) {
            log.whenConnected(() -> {
                raw.every(FAST, emoji, "21.5").every(FAST, wide, "22.5");
                plain.every(FAST, Map.of(internal, TestPublisher.repeat("23.5", 50)));
            });
            VerifyResult r = new Verifier().run(anonymous(broker), plan(List.of(TopicExpectation.explicit(emoji,
                    Optional.empty()), TopicExpectation.explicit(wide, Optional.empty()),
                    TopicExpectation.internal(internal)), 3, Duration.ofSeconds(20)), log);

            assertThat(r.passed()).as("%s / %s", r, log.lines).isTrue();
            assertThat(r.reconnects()).isZero();
            assertThat(log.count("lost")).isZero();
            assertThat(r.topics()).extracting(TopicResult::topic).containsExactly(emoji, wide, internal);
            assertThat(log.readings).anyMatch(x -> x.topic().equals(emoji) && x.payload().equals("21.5"));
        }
    }

    /** {id} topics are subscribed with + and told apart; one Paho cannot carry gets its alias when it arrives. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void boardsOnTheirOwnTopicsThroughAWildcardEvenWithAnEmoji(Kind kind) {
        TestBroker broker = shared(kind);
        String a = "e6614103e7a1b2c3";
        String b = "e66141040b0c0d0e";
        try (RawPublisher raw = RawPublisher.connect(broker); TestPublisher plain = TestPublisher.connect(broker)) {
            log.whenConnected(() -> {
                raw.every(FAST, prefix + "pico/🌡/" + a, "21.5").every(FAST, prefix + "pico/🌡/" + b, "22.5");
                plain.every(FAST, Map.of(prefix + "pico/" + a + "/t", TestPublisher.repeat("23.5", 50),
                        prefix + "pico/" + b + "/t", TestPublisher.repeat("24.5", 50)));
            });
            VerifyResult r = new Verifier().run(anonymous(broker), plan(List.of(TopicExpectation.explicit(
                    prefix + "pico/🌡/{id}", Optional.empty()), TopicExpectation.explicit(prefix + "pico/{id}/t",
                    Optional.empty())), 3, Duration.ofSeconds(20)).withBoards(new VerifyPlan.Boards(List.of(), 2)), log);

            assertThat(r.passed()).as("%s / %s", r, log.lines).isTrue();
            assertThat(log.count("lost")).isZero();
            assertThat(r.topics()).extracting(TopicResult::topic).containsExactlyInAnyOrder(prefix + "pico/🌡/" + a,
                    prefix + "pico/" + a + "/t", prefix + "pico/🌡/" + b, prefix + "pico/" + b + "/t");
            assertThat(r.boards()).extracting(x -> x.board().orElseThrow()).containsExactlyInAnyOrder(a, b);
        }
    }

    @Test
    void failsWithExitCode5WhenNoBrokerListens() {
        int port = Ports.free();
        BrokerConnection nobody = new BrokerConnection("127.0.0.1", port, Optional.empty(), Optional.empty(), false,
                Optional.empty());

        PicoToolException e = catchThrowableOfType(PicoToolException.class, () -> new Verifier().run(nobody,
                plan(List.of(TopicExpectation.internal(internal)), 3, Duration.ofSeconds(5)), log));

        assertThat(e.exitCode()).isEqualTo(ExitCode.BROKER);
        assertThat(e.getMessage()).isEqualTo("cannot reach the MQTT broker at 127.0.0.1:" + port
                + ": connection refused");
        assertThat(e.hint()).contains("is the broker running").contains("--broker");
        assertThat(log.lines).isEmpty();
    }

    /** Before, connecting waited 10 s + 5 s whatever --timeout said (15.7 s for --timeout 5). */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void theTimeoutBoundsConnectingToABrokerThatNeverAnswers() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept()); // read nothing, answer nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-broker");
            acceptor.setDaemon(true);
            acceptor.start();
            BrokerConnection c = new BrokerConnection("127.0.0.1", silent.getLocalPort(), Optional.empty(),
                    Optional.empty(), false, Optional.empty());

            PicoToolException e = catchThrowableOfType(PicoToolException.class, () -> new Verifier().run(c,
                    plan(List.of(TopicExpectation.internal(internal)), 3, Duration.ofMillis(1500)), log));

            assertThat(e.exitCode()).isEqualTo(ExitCode.BROKER);
            assertThat(e.getMessage()).isEqualTo("no MQTT answer from 127.0.0.1:" + silent.getLocalPort()
                    + " within the time allowed (--timeout)");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void reconnectsWhenTheBrokerRestartsMidRunAndStillPasses(Kind kind) throws Exception {
        try (TestBroker broker = start(kind, Optional.empty());
             TestPublisher pico = TestPublisher.connect(broker)) {
            log.whenConnected(() -> pico.every(FAST, Map.of(internal, TestPublisher.repeat("21.5", 500))));
            CompletableFuture<VerifyResult> run = CompletableFuture.supplyAsync(() -> new Verifier().run(
                    anonymous(broker), plan(List.of(TopicExpectation.internal(internal)), 6, Duration.ofSeconds(30)),
                    log));
            Deadline.await(Duration.ofSeconds(10), () -> log.readings.size() >= 2, () -> "two readings " + log.lines);

            broker.restart();

            VerifyResult r = run.get(40, TimeUnit.SECONDS);
            assertThat(r.passed()).as("%s / %s", r, log.lines).isTrue();
            // At least once: on a busy machine Paho may reach the restarting broker before it accepts, and lose it again.
            assertThat(r.reconnects()).isPositive();
            assertThat(log.count("lost ")).isPositive();
            assertThat(log.lines.indexOf("reconnected")).isGreaterThan(2).isLessThan(log.lines.size() - 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void wrongPasswordIsRefusedWithExitCode5AndTheReason(Kind kind) {
        try (TestBroker broker = start(kind, Optional.of("student"))) {
            BrokerConnection wrong = new BrokerConnection("127.0.0.1", broker.port(), Optional.of("student"),
                    Optional.of(new Secret("not-it".toCharArray(), "test")), false, Optional.empty());

            PicoToolException e = catchThrowableOfType(PicoToolException.class, () -> new Verifier().run(wrong,
                    plan(List.of(TopicExpectation.internal(internal)), 1, Duration.ofSeconds(5)), log));

            assertThat(e.exitCode()).isEqualTo(ExitCode.BROKER);
            assertThat(e.getMessage()).containsAnyOf("(CONNACK 4: bad user name or password)",
                    "(CONNACK 5: not authorised) for user 'student'").doesNotContain("not-it");
            assertThat(e.hint()).contains("password").doesNotContain("not-it");

            BrokerConnection right = new BrokerConnection("127.0.0.1", broker.port(), Optional.of("student"),
                    Optional.of(new Secret("student-pw".toCharArray(), "test")), false, Optional.empty());
            VerifyResult r = new Verifier().run(right, plan(List.of(TopicExpectation.internal(internal)), 1,
                    Duration.ofSeconds(3)), log); // connected and subscribed; nobody publishes
            assertThat(r.failing()).containsExactly(internal);
        }
    }
}
