package dev.picotool.verify;

import dev.picotool.config.PayloadFormat;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What to expect from the Pico, or from several: topics may hold the board's placeholders ({@code {id}},
 * {@code {id4}}, {@code {name}}), and then each board is checked on its own ({@link TopicPattern}).
 *
 * @param topics      the reading topics
 * @param count       readings needed on every topic
 * @param interval    the configured publish interval (fractional seconds allowed, for tests and fast demos)
 * @param timeout     how long to wait at most; see {@link #defaultTimeout}
 * @param statusTopic when present, its retained payload must be {@code online}
 * @param payload     the payload format the firmware was rendered with; empty = accept both
 * @param deviceName  the device-name setting, which {@code {name}} in a topic stands for
 * @param boards      which boards, and how many, must pass
 * @param diagnostics when present, each board's retained health report must arrive there and be plausible
 * @param discovery   when present, each board's Home Assistant discovery must be retained and point here
 */
public record VerifyPlan(List<TopicExpectation> topics, int count, Duration interval, Duration timeout,
                         Optional<String> statusTopic, Optional<PayloadFormat> payload, String deviceName,
                         Boards boards, Optional<String> diagnostics, Optional<Discovery> discovery) {
    public static final int DEFAULT_COUNT = 3;
    /** Time for the Pico to (re)connect and for the first reading to come round. */
    public static final Duration SLACK = Duration.ofSeconds(15);
    private static final Duration MIN_TOLERANCE = Duration.ofSeconds(2);
    /** The device-name setting's default ({@code HomeAssistantSettings.DEVICE_NAME}). */
    static final String DEFAULT_DEVICE_NAME = "Pico W {id4}";

    /**
     * The boards that must pass.
     *
     * @param named   these boards (ids as the board prints them), each of them; messages of others are ignored
     * @param atLeast how many boards must pass at least
     */
    public record Boards(List<String> named, int atLeast) {
        public static final Boards ANY_ONE = new Boards(List.of(), 1);

        public Boards {
            named = List.copyOf(named);
            if (atLeast < 1) {
                throw new IllegalArgumentException("at least one board must pass");
            }
        }
    }

    /**
     * Home Assistant discovery as the boards publish it.
     *
     * @param mode           "device" or "component" when known (the firmware's setting), else either
     * @param statusTopic    the status topic setting: the components' availability
     * @param reportTopic    the health report's topic setting (its diagnostic sensors read it)
     * @param reportInterval the health report's interval, when known
     */
    public record Discovery(String prefix, Optional<String> mode, String statusTopic, Optional<String> reportTopic,
                            Optional<Duration> reportInterval) {
    }

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

    /** One board, or several on topics without placeholders, with the default device name; no documents. */
    public VerifyPlan(List<TopicExpectation> topics, int count, Duration interval, Duration timeout,
                      Optional<String> statusTopic, Optional<PayloadFormat> payload) {
        this(topics, count, interval, timeout, statusTopic, payload, DEFAULT_DEVICE_NAME, Boards.ANY_ONE,
                Optional.empty(), Optional.empty());
    }

    public VerifyPlan withBoards(Boards b) {
        return new VerifyPlan(topics, count, interval, timeout, statusTopic, payload, deviceName, b, diagnostics,
                discovery);
    }

    public VerifyPlan withDeviceName(String name) {
        return new VerifyPlan(topics, count, interval, timeout, statusTopic, payload, name, boards, diagnostics,
                discovery);
    }

    public VerifyPlan withDiagnostics(String topic) {
        return new VerifyPlan(topics, count, interval, timeout, statusTopic, payload, deviceName, boards,
                Optional.of(topic), discovery);
    }

    public VerifyPlan withDiscovery(Discovery d) {
        return new VerifyPlan(topics, count, interval, timeout, statusTopic, payload, deviceName, boards, diagnostics,
                Optional.of(d));
    }

    /**
     * True when the topics tell boards apart: some hold the board's placeholders, or Home Assistant discovery (whose
     * topics hold the board id) is checked.
     *
     * @throws IllegalArgumentException when {@code {name}} would put MQTT wildcards into a topic
     */
    public boolean tellsBoardsApart() {
        return new RunState(this, new PayloadParser(payload)).perBoard();
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
