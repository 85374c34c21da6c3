package dev.picotool.verify;

import dev.picotool.board.SensorSpec;
import dev.picotool.config.MqttSettings;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.SensorSettings;
import dev.picotool.config.TopicSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way from validated settings to what verify expects: used by {@code verify}, {@code demo} and {@code test},
 * so the three can never disagree about topics, ranges or timing.
 */
public final class VerifyPlans {
    /**
     * What the caller adds to the settings.
     *
     * @param topics      check these topics instead of the firmware's (each with {@code range} when given)
     * @param ranges      overrides of the plausible ranges: internal, temperature, humidity
     * @param timeout     empty = {@link VerifyPlan#defaultTimeout}
     */
    public record Request(int count, Optional<Duration> timeout, boolean expectStatus, List<String> topics,
                          Optional<Range> range, Ranges ranges) {
        public static Request readings(int count) {
            return new Request(count, Optional.empty(), true, List.of(), Optional.empty(), Ranges.NONE);
        }
    }

    /** Plausible-range overrides for the firmware's own topics. */
    public record Ranges(Optional<Range> internal, Optional<Range> temperature, Optional<Range> humidity) {
        public static final Ranges NONE = new Ranges(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private VerifyPlans() {
    }

    public static VerifyPlan of(PicoConfig c, Request r) {
        List<TopicExpectation> expect = new ArrayList<>();
        if (!r.topics().isEmpty()) {
            r.topics().forEach(t -> expect.add(TopicExpectation.explicit(t, r.range())));
        } else {
            expect.add(ranged(TopicExpectation.internal(c.get(TopicSettings.INTERNAL)), r.ranges().internal()));
            Optional<SensorSpec> sensor = c.get(SensorSettings.TYPE).data();
            sensor.ifPresent(s -> {
                expect.add(ranged(TopicExpectation.temperature(c.get(TopicSettings.TEMPERATURE), s),
                        r.ranges().temperature()));
                expect.add(ranged(TopicExpectation.humidity(c.get(TopicSettings.HUMIDITY), s),
                        r.ranges().humidity()));
            });
        }
        Duration interval = Duration.ofMillis(c.get(SensorSettings.INTERVAL).movePointRight(3).longValue());
        Duration timeout = r.timeout().orElse(VerifyPlan.defaultTimeout(r.count(), interval));
        Optional<String> status = r.expectStatus() ? Optional.of(c.get(TopicSettings.STATUS)) : Optional.empty();
        return new VerifyPlan(expect, r.count(), interval, timeout, status, c.find(SensorSettings.PAYLOAD));
    }

    /** How this computer reaches the broker named in the settings. */
    public static BrokerConnection connection(PicoConfig c) {
        return new BrokerConnection(c.get(MqttSettings.BROKER).host(), c.get(MqttSettings.PORT),
                c.find(MqttSettings.USERNAME), c.find(MqttSettings.PASSWORD), c.get(MqttSettings.TLS),
                c.find(MqttSettings.CA_FILE).map(ca -> ca.path()));
    }

    private static TopicExpectation ranged(TopicExpectation e, Optional<Range> range) {
        return range.map(e::withRange).orElse(e);
    }
}
