package dev.picotool.verify;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.board.SensorSpec;
import dev.picotool.config.DeviceSettings;
import dev.picotool.config.HomeAssistantSettings;
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
     * @param boards      which boards, and how many, must pass
     * @param diagnostics each board's retained health report must be there and plausible
     * @param discovery   each board's retained Home Assistant discovery must be there and point at its topics
     */
    public record Request(int count, Optional<Duration> timeout, boolean expectStatus, List<String> topics,
                          Optional<Range> range, Ranges ranges, VerifyPlan.Boards boards, boolean diagnostics,
                          boolean discovery) {
        public Request(int count, Optional<Duration> timeout, boolean expectStatus, List<String> topics,
                       Optional<Range> range, Ranges ranges) {
            this(count, timeout, expectStatus, topics, range, ranges, VerifyPlan.Boards.ANY_ONE, false, false);
        }

        public static Request readings(int count) {
            return new Request(count, Optional.empty(), true, List.of(), Optional.empty(), Ranges.NONE);
        }

        public Request withBoards(VerifyPlan.Boards b) {
            return new Request(count, timeout, expectStatus, topics, range, ranges, b, diagnostics, discovery);
        }

        public Request withDocuments(boolean healthReport, boolean haDiscovery) {
            return new Request(count, timeout, expectStatus, topics, range, ranges, boards, healthReport,
                    haDiscovery);
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
        VerifyPlan plan = new VerifyPlan(expect, r.count(), interval, timeout, status, c.find(SensorSettings.PAYLOAD))
                .withDeviceName(c.get(HomeAssistantSettings.DEVICE_NAME)).withBoards(r.boards());
        Optional<Integer> reportEvery = c.find(DeviceSettings.DIAGNOSTICS_INTERVAL);
        if (r.diagnostics()) {
            if (reportEvery.filter(s -> s == 0).isPresent()) {
                throw new PicoToolException(ExitCode.USAGE, "--expect-diagnostics, but the settings turn the health "
                        + "report off (diagnostics_interval: 0)", "leave out --expect-diagnostics, or set "
                        + "diagnostics_interval (and flash the board with it)");
            }
            plan = plan.withDiagnostics(c.get(TopicSettings.DIAGNOSTICS));
        }
        if (r.discovery()) {
            Optional<Integer> reports = reportEvery.filter(s -> s > 0);
            plan = plan.withDiscovery(new VerifyPlan.Discovery(c.get(HomeAssistantSettings.PREFIX),
                    c.find(HomeAssistantSettings.MODE).map(HomeAssistantSettings.Mode::id), c.get(TopicSettings.STATUS),
                    reports.map(s -> c.get(TopicSettings.DIAGNOSTICS)), reports.map(Duration::ofSeconds)));
        }
        try {
            plan.tellsBoardsApart();
        } catch (IllegalArgumentException e) {
            throw new PicoToolException(ExitCode.INVALID_CONFIG, e.getMessage(), "rename the device "
                    + "(--device-name) or write the topic without {name}");
        }
        return plan;
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
