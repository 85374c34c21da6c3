package dev.picotool.verify;

import dev.picotool.config.PayloadFormat;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What to expect from the Pico.
 *
 * @param count       readings needed on every topic
 * @param interval    the configured publish interval (fractional seconds allowed, for tests and fast demos)
 * @param timeout     how long to wait at most; see {@link #defaultTimeout}
 * @param statusTopic when present, its retained payload must be {@code online}
 * @param payload     the payload format the firmware was rendered with; empty = accept both
 */
public record VerifyPlan(List<TopicExpectation> topics, int count, Duration interval, Duration timeout,
                         Optional<String> statusTopic, Optional<PayloadFormat> payload) {
    public static final int DEFAULT_COUNT = 3;
    /** Time for the Pico to (re)connect and for the first reading to come round. */
    public static final Duration SLACK = Duration.ofSeconds(15);
    private static final Duration MIN_TOLERANCE = Duration.ofSeconds(2);

    public VerifyPlan {
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("no topics to verify");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
    }

    /** (count + 1) intervals + 15 s: the first reading may be up to one interval away, then count - 1 more. */
    public static Duration defaultTimeout(int count, Duration interval) {
        return interval.multipliedBy(count + 1L).plus(SLACK);
    }

    /**
     * How much later than the interval a reading may come: 50 % or 2 s, whichever is larger (a busy Wi-Fi or
     * broker delays one now and then).
     */
    public Duration tolerance() {
        Duration half = interval.dividedBy(2);
        return half.compareTo(MIN_TOLERANCE) > 0 ? half : MIN_TOLERANCE;
    }

    /**
     * The shortest gap between two readings that fits the interval: half of it. The firmware publishes on a timer,
     * so readings much closer together mean something else publishes there too (a second board, a test script) or
     * the interval given here is not the firmware's.
     */
    public Duration minGap() {
        return interval.dividedBy(2);
    }
}
