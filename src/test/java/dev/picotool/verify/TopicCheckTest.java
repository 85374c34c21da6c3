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

    static Instant at(double s) {
        return T0.plusMillis((long) (s * 1000));
    }

    @Test
    void passesWithEnoughReadingsInRangeAtTheInterval() {
        TopicCheck c = check(3, 10);
        c.accept(at(0), "40.0", false);
        c.accept(at(10.5), "42.0", false);
        c.accept(at(20), "44.0", false);

        TopicResult r = c.result(Duration.ofSeconds(21));
        assertThat(r.passed()).isTrue();
        assertThat(r.reason()).isEqualTo("3 readings in 0…100 % (every 10 s)".replace(" (", ", ").replace(")", ""));
        assertThat(r.min()).hasValue(40.0);
        assertThat(r.mean()).hasValue(42.0);
        assertThat(r.max()).hasValue(44.0);
        assertThat(r.meanInterval()).contains(Duration.ofSeconds(10));
    }

    @Test
    void toleranceIsHalfTheIntervalOrTwoSecondsWhicheverIsLarger() {
        TopicCheck c = check(4, 10);
        c.accept(at(0), "40", false);
        c.accept(at(14.9), "40", false); // within ±5 s
        c.accept(at(30.1), "40", false); // 15.2 s: off by more than 5 s
        c.accept(at(31), "40", false);   // 0.9 s
        TopicResult r = c.result(Duration.ofSeconds(40));
        assertThat(r.badGaps()).isEqualTo(2);
        assertThat(r.reason()).isEqualTo("2 gaps between readings off the 10 s interval by more than 5 s "
                + "(e.g. 15.2 s)");

        TopicCheck fast = check(2, 0.2);
        fast.accept(at(0), "40", false);
        fast.accept(at(2.1), "40", false); // 2 s tolerance at small intervals
        assertThat(fast.result(Duration.ofSeconds(3)).passed()).isTrue();
    }

    @Test
    void theGapAcrossALostConnectionIsNotJudged() {
        TopicCheck c = check(3, 1);
        c.accept(at(0), "40", false);
        c.connectionLost();
        c.accept(at(30), "40", false);
        c.accept(at(31), "40", false);
        TopicResult r = c.result(Duration.ofSeconds(32));
        assertThat(r.passed()).isTrue();
        assertThat(r.meanInterval()).contains(Duration.ofSeconds(1));
    }

    @Test
    void retainedReplaysAreNotCountedAndNothingAtAllIsExplained() {
        TopicCheck c = check(1, 10);
        Reading old = c.accept(at(0), "40", true);
        assertThat(old.retained()).isTrue();
        assertThat(c.counted()).isZero();
        assertThat(c.result(Duration.ofSeconds(25)).reason()).startsWith("no readings in 25 s: is the Pico "
                + "publishing to this topic?");
    }

    @Test
    void everyProblemIsListed() {
        TopicCheck c = check(5, 1);
        c.accept(at(0), "101", false);
        c.accept(at(1), "hello, world", false);
        TopicResult r = c.result(Duration.ofSeconds(9));
        assertThat(r.reason()).isEqualTo("only 2 of 5 readings in 9 s; 1 payload not understood (first: 'hello, "
                + "world': not a number); 1 value outside 0…100 % (first: 101.0)");
    }
}
