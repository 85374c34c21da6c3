package dev.picotool.config;

import dev.picotool.board.SensorSpec;
import java.util.Locale;
import java.util.Optional;

/** The sensor on the data pin. Its facts (minimum interval, ranges) come from the board data, not from here. */
public enum SensorType {
    DHT22,
    DHT11,
    NONE;

    /** Without a sensor the loop still waits a second between internal readings: no tight loop on the board. */
    private static final int NO_SENSOR_MIN_INTERVAL_MS = 1000;

    /** The name used in settings, firmware and on the command line: dht22, dht11, none. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The datasheet facts; empty for {@link #NONE}. */
    public Optional<SensorSpec> data() {
        return this == NONE ? Optional.empty() : Optional.of(SensorSpec.get(id()));
    }

    public int minIntervalMillis() {
        return data().map(SensorSpec::minReadIntervalMs).orElse(NO_SENSOR_MIN_INTERVAL_MS);
    }
}
