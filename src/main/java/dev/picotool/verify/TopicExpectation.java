package dev.picotool.verify;

import dev.picotool.board.SensorSpec;
import dev.picotool.config.SensorType;
import java.util.Optional;

/**
 * What one reading topic must show.
 *
 * @param label e.g. "DHT22 temperature", for the table
 * @param unit  "°C", "%" or "" (also the unit a JSON payload must name, when it names one)
 * @param range plausible values; empty = any finite number
 */
record TopicExpectation(String topic, String label, String unit, Optional<Range> range) {
    /** The RP2040's own sensor: it measures the chip, a few degrees above the room, and is rated −20…85 °C. */
    public static final Range INTERNAL_RANGE = new Range(-20, 85);

    public static TopicExpectation internal(String topic) {
        return new TopicExpectation(topic, "internal temperature", "°C", Optional.of(INTERNAL_RANGE));
    }

    /** The sensor's temperature, plausible within its datasheet range. */
    public static TopicExpectation temperature(String topic, SensorSpec sensor) {
        return new TopicExpectation(topic, sensor.name() + " temperature", "°C",
                Optional.of(new Range(sensor.minTemperature(), sensor.maxTemperature())));
    }

    public static TopicExpectation temperature(String topic, SensorType sensor) {
        return temperature(topic, sensor.data().orElseThrow());
    }

    public static TopicExpectation humidity(String topic, SensorType sensor) {
        return humidity(topic, sensor.data().orElseThrow());
    }

    public static TopicExpectation humidity(String topic, SensorSpec sensor) {
        return new TopicExpectation(topic, sensor.name() + " humidity", "%",
                Optional.of(new Range(sensor.minHumidity(), sensor.maxHumidity())));
    }

    /** A topic named on the command line with --topic: only a range given with it is checked. */
    public static TopicExpectation explicit(String topic, Optional<Range> range) {
        return new TopicExpectation(topic, "reading", "", range);
    }

    /** The same expectation on one board's topic ({@code topic} here is the setting, placeholders and all). */
    public TopicExpectation withTopic(String t) {
        return new TopicExpectation(t, label, unit, range);
    }

    public TopicExpectation withRange(Range r) {
        return new TopicExpectation(topic, label, unit, Optional.of(r));
    }
}
