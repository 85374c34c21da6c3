package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.SensorType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The judging rules, with made-up arrival times (no broker). */
class TopicCheckTest {
    static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");
    final TopicExpectation humidity = TopicExpectation.humidity("pico/humidity/dht22", SensorType.DHT22);

    TopicCheck check(int count, double intervalS) {
        Duration interval = Duration.ofMillis((long) (intervalS * 1000));
        return new TopicCheck(humidity, new VerifyPlan(List.of(humidity), count, interval,
                VerifyPlan.defaultTimeout(count, interval), Optional.empty(), Optional.empty()),
                new PayloadParser(Optional.empty()));
    }

    static byte[] b(String payload) {
        return payload.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static Instant at(double s) {
        return T0.plusMillis((long) (s * 1000));
    }

    @Test
    void passesWithEnoughReadingsInRangeAtTheInterval() {
        TopicCheck c = check(3, 10);
        c.accept(at(0), b("40.0"), false);
        c.accept(at(10.5), b("42.0"), false);
        c.accept(at(20), b("44.0"), false);

        TopicResult r = c.result(Duration.ofSeconds(21));
        assertThat(r.passed()).isTrue();
        assertThat(r.reason()).isEqualTo("3 readings in 0…100 % (every 10 s)".replace(" (", ", ").replace(")", ""));
        assertThat(r.min()).hasValue(40.0);
        assertThat(r.mean()).hasValue(42.0);
        assertThat(r.max()).hasValue(44.0);
        assertThat(r.meanInterval()).contains(Duration.ofSeconds(10));
    }

    @Test
    void aReadingMayBeLateByHalfTheIntervalOrTwoSecondsAndEarlyByHalfTheInterval() {
        TopicCheck c = check(5, 10);
        c.accept(at(0), b("40"), false);
        c.accept(at(14.9), b("40"), false); // 4.9 s late: within 5 s
        c.accept(at(30.1), b("40"), false); // 15.2 s: more than 5 s late
        c.accept(at(31), b("40"), false);   // 0.9 s: under half the interval
        c.accept(at(36), b("40"), false);   // 5 s: exactly half, still fine
        TopicResult r = c.result(Duration.ofSeconds(40));
        assertThat(r.badGaps()).isEqualTo(2);
        assertThat(r.reason()).isEqualTo("1 gap between readings under 5 s, much shorter than the 10 s interval "
                + "(e.g. 0.9 s): does something else publish here too, or is the interval not the firmware's?; "
                + "1 gap between readings over 15 s, the 10 s interval + 5 s (e.g. 15.2 s)");

        TopicCheck fast = check(2, 0.2);
        fast.accept(at(0), b("40"), false);
        fast.accept(at(2.1), b("40"), false); // 2 s of lateness allowed at small intervals
        assertThat(fast.result(Duration.ofSeconds(3)).passed()).isTrue();
    }

    @Test
    void readingsMuchFasterThanASmallIntervalFailToo() {
        TopicCheck c = check(3, 2); // the demo's interval: 2 s late is allowed, "every 0 s" is not
        c.accept(at(0), b("21.5"), false);
        c.accept(at(0.05), b("21.5"), false);
        c.accept(at(0.1), b("21.5"), false);
        TopicResult r = c.result(Duration.ofSeconds(1));
        assertThat(r.passed()).isFalse();
        assertThat(r.badGaps()).isEqualTo(2);
        assertThat(r.reason()).startsWith("2 gaps between readings under 1 s, much shorter than the 2 s interval "
                + "(e.g. 0.1 s)");
    }

    @Test
    void infinityAndHugePayloadsAreMalformedNotValuesEvenWithoutARange() {
        TopicExpectation any = TopicExpectation.explicit("pico/anything", Optional.empty());
        TopicCheck c = new TopicCheck(any, new VerifyPlan(List.of(any), 3, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Optional.empty(), Optional.empty()), new PayloadParser(Optional.empty()));
        c.accept(at(0), b("1e309"), false);
        c.accept(at(1), b("9".repeat(5_000_000)), false);
        c.accept(at(2), b("{\"value\": 1e400}"), false);
        TopicResult r = c.result(Duration.ofSeconds(3));
        assertThat(r.malformed()).isEqualTo(3);
        assertThat(r.min()).isEmpty();
        assertThat(r.reason()).isEqualTo("3 payloads not understood (first: '1e309': not a finite number (too "
                + "large for a reading))");
    }

    @Test
    void theGapAcrossALostConnectionIsNotJudged() {
        TopicCheck c = check(3, 1);
        c.accept(at(0), b("40"), false);
        c.connectionLost();
        c.accept(at(30), b("40"), false);
        c.accept(at(31), b("40"), false);
        TopicResult r = c.result(Duration.ofSeconds(32));
        assertThat(r.passed()).isTrue();
        assertThat(r.meanInterval()).contains(Duration.ofSeconds(1));
    }

    @Test
    void retainedReplaysAreNotCountedAndNothingAtAllIsExplained() {
        TopicCheck c = check(1, 10);
        Reading old = c.accept(at(0), b("40"), true);
        assertThat(old.retained()).isTrue();
        assertThat(c.counted()).isZero();
        assertThat(c.result(Duration.ofSeconds(25)).reason()).startsWith("no readings in 25 s: is the Pico "
                + "publishing to this topic?");
    }

    @Test
    void everyProblemIsListed() {
        TopicCheck c = check(5, 1);
        c.accept(at(0), b("101"), false);
        c.accept(at(1), b("hello, world"), false);
        TopicResult r = c.result(Duration.ofSeconds(9));
        assertThat(r.reason()).isEqualTo("only 2 of 5 readings in 9 s; 1 payload not understood (first: 'hello, "
                + "world': not a number); 1 value outside 0…100 % (first: 101.0)");
    }
}
