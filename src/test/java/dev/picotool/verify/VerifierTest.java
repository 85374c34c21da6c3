package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.config.PayloadFormat;
import dev.picotool.config.Secret;
import dev.picotool.config.SensorType;
import dev.picotool.testing.Deadline;
import dev.picotool.testing.EmbeddedTestBroker;
import dev.picotool.testing.Mosquitto;
import dev.picotool.testing.Ports;
import dev.picotool.testing.TestBroker;
import dev.picotool.testing.TestPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The verification scenarios, each against mosquitto and against picotool's embedded broker. */
class VerifierTest {
    enum Kind { MOSQUITTO, EMBEDDED }

    static final Duration FAST = Duration.ofMillis(200);
    static final AtomicInteger RUN = new AtomicInteger();
    static final Map<Kind, TestBroker> SHARED = new EnumMap<>(Kind.class);

    @TempDir
    static Path dir;

    final String prefix = "t" + RUN.incrementAndGet() + "/";
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

    List<TopicExpectation> dht22Topics() {
        return List.of(TopicExpectation.internal(internal), TopicExpectation.temperature(temperature,
                SensorType.DHT22), TopicExpectation.humidity(humidity, SensorType.DHT22));
    }

    static VerifyPlan plan(List<TopicExpectation> topics, int count, Duration timeout) {
        return new VerifyPlan(topics, count, FAST, timeout, Optional.empty(), Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void passesWithPlainAndJsonReadingsAndStopsEarly(Kind kind) {
        TestBroker broker = shared(kind);
        try (TestPublisher pico = TestPublisher.connect(broker).retained(prefix + "pico/status", "online")) {
            log.whenConnected(() -> pico.every(FAST, Map.of(internal, TestPublisher.repeat("21.5", 50),
                    temperature, TestPublisher.repeat("{\"value\": 23.1, \"unit\": \"°C\"}", 50),
                    humidity, TestPublisher.repeat("{\"value\": 45.0, \"unit\": \"%\"}", 50))));
            VerifyPlan plan = new VerifyPlan(dht22Topics(), 3, FAST, Duration.ofSeconds(10),
                    Optional.of(prefix + "pico/status"), Optional.empty());

            VerifyResult r = new Verifier().run(anonymous(broker), plan, log);

            assertThat(r.passed()).as("%s / %s", r, log.lines).isTrue();
            assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(5));
            assertThat(r.topics()).allSatisfy(t -> {
                assertThat(t.count()).isGreaterThanOrEqualTo(3);
                assertThat(t.reason()).contains("readings in").contains("every 0.2 s");
            });
            assertThat(r.topics().get(1).mean()).hasValueCloseTo(23.1, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.status()).get().extracting(StatusResult::passed).isEqualTo(true);
            assertThat(log.lines.get(0)).startsWith("connected 127.0.0.1:" + broker.port());
            assertThat(log.lines).contains("status " + prefix + "pico/status online");
            assertThat(HumanReport.lines(r).get(HumanReport.lines(r).size() - 1)).startsWith("PASS: 3 topics on");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failsWithTooFewReadingsNamingTheTopic(Kind kind) {
        TestBroker broker = shared(kind);
        try (TestPublisher pico = TestPublisher.connect(broker)) {
            log.whenConnected(() -> pico.every(FAST, Map.of(internal, List.of("21.5"))));
            VerifyResult r = new Verifier().run(anonymous(broker),
                    plan(List.of(TopicExpectation.internal(internal)), 3, Duration.ofMillis(1500)), log);

            assertThat(r.passed()).isFalse();
            assertThat(r.failing()).containsExactly(internal);
            assertThat(r.topics().get(0).reason()).startsWith("only 1 of 3 readings in 1.5 s");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failsOnValuesOutOfRange(Kind kind) {
        TestBroker broker = shared(kind);
        try (TestPublisher pico = TestPublisher.connect(broker)) {
            log.whenConnected(() -> pico.every(FAST, Map.of(
                temperature, List.of("22.0", "120.0", "22.5", "22.4"), humidity, TestPublisher.repeat("45.0", 5))));
            VerifyResult r = new Verifier().run(anonymous(broker), plan(List.of(
                    TopicExpectation.temperature(temperature, SensorType.DHT22),
                    TopicExpectation.humidity(humidity, SensorType.DHT22)), 3, Duration.ofSeconds(5)), log);

            assertThat(r.failing()).containsExactly(temperature);
            TopicResult t = r.topics().get(0);
            assertThat(t.outOfRange()).isEqualTo(1);
            assertThat(t.reason()).isEqualTo("1 value outside -40…80 °C (first: 120.0)");
            assertThat(log.lines).anyMatch(l -> l.contains("120.0") && l.contains("problem: outside -40…80 °C"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failsOnMalformedPayloads(Kind kind) {
        TestBroker broker = shared(kind);
        try (TestPublisher pico = TestPublisher.connect(broker)) {
            log.whenConnected(() -> pico.every(FAST, Map.of(
                internal, List.of("21.5", "abc", "{\"value\": }", "nan", "{\"unit\": \"°C\"}"))));
            VerifyResult r = new Verifier().run(anonymous(broker),
                    plan(List.of(TopicExpectation.internal(internal)), 5, Duration.ofSeconds(5)), log);

            TopicResult t = r.topics().get(0);
            assertThat(r.passed()).isFalse();
            assertThat(t.malformed()).isEqualTo(4);
            assertThat(t.reason()).isEqualTo("4 payloads not understood (first: 'abc': not a number)");
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

    @ParameterizedTest
    @EnumSource(Kind.class)
    void reconnectsWhenTheBrokerRestartsMidRunAndStillPasses(Kind kind) throws Exception {
        try (TestBroker broker = start(kind, Optional.empty());
             TestPublisher pico = TestPublisher.connect(broker)) {
            log.whenConnected(() -> pico.every(FAST, Map.of(internal, TestPublisher.repeat("21.5", 500))));
            CompletableFuture<VerifyResult> run = CompletableFuture.supplyAsync(() -> new Verifier().run(
                    anonymous(broker), plan(List.of(TopicExpectation.internal(internal)), 6, Duration.ofSeconds(30)),
                    log));
            Deadline.await(Duration.ofSeconds(5), () -> log.readings.size() >= 2, () -> "two readings " + log.lines);

            broker.restart();

            VerifyResult r = run.get(40, TimeUnit.SECONDS);
            assertThat(r.passed()).as("%s / %s", r, log.lines).isTrue();
            assertThat(r.reconnects()).isEqualTo(1);
            assertThat(log.count("lost ")).isEqualTo(1);
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
                    Duration.ofMillis(300)), log);
            assertThat(r.failing()).containsExactly(internal);
        }
    }

    @Test
    void retainedReadingsAreShownButNotCountedAndJsonPayloadsAreRequiredWhenAsked() {
        TestBroker broker = shared(Kind.MOSQUITTO);
        try (TestPublisher pico = TestPublisher.connect(broker).retained(internal, "{\"value\": 20.0}")) {
            VerifyPlan plan = new VerifyPlan(List.of(TopicExpectation.internal(internal)), 1, FAST,
                    Duration.ofMillis(500), Optional.empty(), Optional.of(PayloadFormat.JSON));

            VerifyResult r = new Verifier().run(anonymous(broker), plan, log);

            assertThat(r.topics().get(0).count()).isZero();
            assertThat(log.lines).containsExactly("connected 127.0.0.1:" + broker.port() + " [" + internal + "]",
                    "reading " + internal + " {\"value\": 20.0} 0/1 retained");
            pico.retained(internal, "");
        }
    }

    @Test
    void readingsFasterThanTheIntervalFailTheSpacingCheck() {
        TestBroker broker = shared(Kind.MOSQUITTO);
        try (TestPublisher pico = TestPublisher.connect(broker)) {
            log.whenConnected(() -> pico.every(FAST, Map.of(internal,
                TestPublisher.repeat("21.5", 10))));
            VerifyPlan plan = new VerifyPlan(List.of(TopicExpectation.internal(internal)), 3, Duration.ofSeconds(5),
                    Duration.ofSeconds(5), Optional.empty(), Optional.empty());

            VerifyResult r = new Verifier().run(anonymous(broker), plan, log);

            assertThat(r.topics().get(0).reason()).startsWith("2 gaps between readings off the 5 s interval by "
                    + "more than 2.5 s (e.g. 0.");
        }
    }
}
