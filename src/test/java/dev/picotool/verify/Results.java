package dev.picotool.verify;

import dev.picotool.config.SensorType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Made-up results for the report tests: one passing topic, one failing with awkward characters in its reason. */
final class Results {
    private Results() {
    }

    static VerifyResult mixed() {
        TopicResult ok = new TopicResult(TopicExpectation.internal("pico/temperature/internal"), 3, 3, 0, 0, 0,
                OptionalDouble.of(21.0), OptionalDouble.of(21.5), OptionalDouble.of(22.0),
                Optional.of(Duration.ofSeconds(10)), true, "3 readings in -20…85 °C, every 10 s");
        TopicResult bad = new TopicResult(TopicExpectation.temperature("pico/temperature/dht22", SensorType.DHT22),
                2, 3, 1, 0, 0, OptionalDouble.of(23.1), OptionalDouble.of(23.1), OptionalDouble.of(23.1),
                Optional.empty(), false, "only 2 of 3 readings in 45 s; 1 payload not understood (first: "
                        + "'<b>&\"x\u0001': not a number)");
        return new VerifyResult("192.168.1.11:1883", Instant.parse("2025-01-01T12:00:00Z"), Duration.ofMillis(45_250),
                List.of(ok, bad), Optional.of(new StatusResult("pico/status", Optional.of("online"), true, "online")),
                1);
    }
}
