package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.config.PayloadFormat;
import dev.picotool.config.SensorType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The verifier's judging loop, with a scripted broker and a fake clock: exact timing, no waiting, no load effects. */
class VerifierTest {
    static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");
    static final Duration FAST = Duration.ofMillis(200);
    static final String INTERNAL = "pico/temperature/internal";
    static final String TEMPERATURE = "pico/temperature/dht22";
    static final String HUMIDITY = "pico/humidity/dht22";
    static final String STATUS = "pico/status";
    static final BrokerConnection BROKER = new BrokerConnection("192.168.1.11", 1883, Optional.empty(),
            Optional.empty(), false, Optional.empty());

    final FakeClock clock = new FakeClock(T0);
    final ScriptedEvents broker = new ScriptedEvents(clock);
    final EventLog log = new EventLog();

    static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    VerifyResult run(VerifyPlan plan) {
        return new Verifier(clock, (conn, c) -> broker).run(BROKER, plan, log);
    }

    static List<TopicExpectation> dht22() {
        return List.of(TopicExpectation.internal(INTERNAL), TopicExpectation.temperature(TEMPERATURE,
                SensorType.DHT22), TopicExpectation.humidity(HUMIDITY, SensorType.DHT22));
    }

    static VerifyPlan plan(List<TopicExpectation> topics, int count, Duration interval, Duration timeout) {
        return new VerifyPlan(topics, count, interval, timeout, Optional.empty(), Optional.empty());
    }

    @Test
    void passesWithPlainAndJsonReadingsAndStopsAsSoonAsEveryTopicHasItsReadings() {
        broker.message(0.05, STATUS, bytes("online"), true)
                .every(0.1, 0.2, 50, INTERNAL, "21.5")
                .every(0.1, 0.2, 50, TEMPERATURE, "{\"value\": 23.1, \"unit\": \"°C\"}")
                .every(0.1, 0.2, 50, HUMIDITY, "{\"value\": 45.0, \"unit\": \"%\"}");
        VerifyPlan plan = new VerifyPlan(dht22(), 3, FAST, Duration.ofSeconds(10), Optional.of(STATUS),
                Optional.empty());

        VerifyResult r = run(plan);

        assertThat(r.passed()).as("%s / %s", r, log.lines).isTrue();
        assertThat(r.elapsed()).isEqualTo(Duration.ofMillis(500)); // the third round at 0.5 s ends it
        assertThat(r.topics()).allSatisfy(t -> {
            assertThat(t.count()).isEqualTo(3);
            assertThat(t.reason()).endsWith("readings in " + t.expectation().range().orElseThrow()
                    + (t.expectation().unit().equals("%") ? " %" : " °C") + ", every 0.2 s");
        });
        assertThat(r.topics().get(1).mean()).hasValueCloseTo(23.1, Offset.offset(1e-9));
        assertThat(r.statuses()).singleElement().extracting(StatusResult::passed).isEqualTo(true);
        assertThat(broker.subscribed).containsExactly(INTERNAL, TEMPERATURE, HUMIDITY, STATUS);
        assertThat(broker.deadline).isEqualTo(T0.plusSeconds(10));
        assertThat(broker.closed).isTrue();
        assertThat(log.lines.get(0)).isEqualTo("connected 192.168.1.11:1883 " + List.of(INTERNAL, TEMPERATURE,
                HUMIDITY, STATUS));
        assertThat(log.lines).contains("status " + STATUS + " online");
        assertThat(HumanReport.lines(r).get(HumanReport.lines(r).size() - 1))
                .isEqualTo("PASS: 3 topics on 192.168.1.11:1883 in 0.5 s");
    }

    @Test
    void tooFewReadingsFailAtTheTimeoutNamingTheTopic() {
        broker.message(0.2, INTERNAL, "21.5");

        VerifyResult r = run(plan(List.of(TopicExpectation.internal(INTERNAL)), 3, FAST, Duration.ofMillis(1500)));

        assertThat(r.passed()).isFalse();
        assertThat(r.elapsed()).isEqualTo(Duration.ofMillis(1500));
        assertThat(r.failing()).containsExactly(INTERNAL);
        assertThat(r.topics().get(0).reason()).isEqualTo("only 1 of 3 readings in 1.5 s");
    }

    @Test
    void valuesOutOfRangeFailTheirTopicOnly() {
        broker.message(0, TEMPERATURE, "22.0").message(0.2, TEMPERATURE, "120.0").message(0.4, TEMPERATURE, "22.5")
                .every(0, 0.2, 3, HUMIDITY, "45.0");

        VerifyResult r = run(plan(List.of(TopicExpectation.temperature(TEMPERATURE, SensorType.DHT22),
                TopicExpectation.humidity(HUMIDITY, SensorType.DHT22)), 3, FAST, Duration.ofSeconds(5)));

        assertThat(r.failing()).containsExactly(TEMPERATURE);
        assertThat(r.topics().get(0).outOfRange()).isEqualTo(1);
        assertThat(r.topics().get(0).reason()).isEqualTo("1 value outside -40…80 °C (first: 120.0)");
        assertThat(log.lines).anyMatch(l -> l.contains("120.0") && l.contains("problem: outside -40…80 °C"));
    }

    @Test
    void malformedPayloadsAreCountedWithTheFirstOneShown() {
        String deep = "{\"value\": 1, \"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        broker.message(0, INTERNAL, "21.5").message(0.2, INTERNAL, "abc").message(0.4, INTERNAL, "{\"value\": }")
                .message(0.6, INTERNAL, "nan").message(0.8, INTERNAL, "{\"unit\": \"°C\"}")
                .message(1.0, INTERNAL, deep).message(1.2, INTERNAL, "1e309");

        VerifyResult r = run(plan(List.of(TopicExpectation.internal(INTERNAL)), 7, FAST, Duration.ofSeconds(5)));

        TopicResult t = r.topics().get(0);
        assertThat(r.passed()).isFalse();
        assertThat(t.count()).isEqualTo(7);
        assertThat(t.malformed()).isEqualTo(6);
        assertThat(t.reason()).isEqualTo("6 payloads not understood (first: 'abc': not a number)");
        assertThat(log.readings.get(5).problem()).isEqualTo("payload longer than 4096 bytes: not a reading");
        assertThat(log.readings.get(5).payload()).hasSize(4097).endsWith("[…");
    }

    @Test
    void readingsMuchFasterThanTheIntervalFail() {
        broker.every(0, 0.1, 10, INTERNAL, "21.5");

        VerifyResult r = run(plan(List.of(TopicExpectation.internal(INTERNAL)), 3, Duration.ofSeconds(2),
                Duration.ofSeconds(10)));

        assertThat(r.passed()).isFalse();
        assertThat(r.topics().get(0).reason()).startsWith("2 gaps between readings under 1 s, much shorter than "
                + "the 2 s interval (e.g. 0.1 s)");
    }

    @Test
    void aLostConnectionExcusesTheGapAndIsCountedWhenBack() {
        broker.message(0, INTERNAL, "21.5").lost(0.5, "Connection lost (32109)").back(9)
                .message(10, INTERNAL, "21.5").message(11, INTERNAL, "21.5");

        VerifyResult r = run(plan(List.of(TopicExpectation.internal(INTERNAL)), 3, Duration.ofSeconds(1),
                Duration.ofSeconds(30)));

        assertThat(r.passed()).as("%s", r).isTrue();
        assertThat(r.reconnects()).isEqualTo(1);
        assertThat(r.topics().get(0).meanInterval()).contains(Duration.ofSeconds(1));
        assertThat(log.lines).containsSubsequence("reading " + INTERNAL + " 21.5 1/3", "lost Connection lost (32109)",
                "reconnected", "reading " + INTERNAL + " 21.5 2/3");
    }

    @Test
    void retainedReadingsAreShownButNotCountedAndJsonIsRequiredWhenAsked() {
        broker.message(0, INTERNAL, bytes("{\"value\": 20.0}"), true).message(0.2, INTERNAL, "20.5");
        VerifyPlan plan = new VerifyPlan(List.of(TopicExpectation.internal(INTERNAL)), 1, FAST,
                Duration.ofMillis(500), Optional.empty(), Optional.of(PayloadFormat.JSON));

        VerifyResult r = run(plan);

        assertThat(r.topics().get(0).count()).isEqualTo(1);
        assertThat(log.lines).containsExactly("connected 192.168.1.11:1883 [" + INTERNAL + "]",
                "reading " + INTERNAL + " {\"value\": 20.0} 0/1 retained",
                "reading " + INTERNAL + " 20.5 1/1 problem: not a JSON object like {\"value\": 23.1, \"unit\": \"°C\"}"
                        + " (--payload json)");
    }

    @Test
    void aStatusThatIsNotOnlineKeepsWaitingAndFails() {
        broker.message(0, STATUS, bytes("offline"), true).every(0, 0.2, 5, INTERNAL, "21.5");
        VerifyPlan plan = new VerifyPlan(List.of(TopicExpectation.internal(INTERNAL)), 1, FAST, Duration.ofSeconds(2),
                Optional.of(STATUS), Optional.empty());

        VerifyResult r = run(plan);

        assertThat(r.elapsed()).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.failing()).containsExactly(STATUS);
        assertThat(r.statuses().get(0).reason()).contains("is 'offline'", "last will");
    }

    @Test
    void aBrokerThatRefusesEndsTheRunWithItsErrorAndNothingLive() {
        broker.refuseWith(new PicoToolException(ExitCode.BROKER, "cannot reach the MQTT broker", "start it"));

        PicoToolException e = catchThrowableOfType(PicoToolException.class, () -> run(plan(
                List.of(TopicExpectation.internal(INTERNAL)), 1, FAST, Duration.ofSeconds(5))));

        assertThat(e.exitCode()).isEqualTo(ExitCode.BROKER);
        assertThat(broker.closed).isTrue();
        assertThat(log.lines).isEmpty();
    }
}
