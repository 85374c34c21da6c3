package dev.picotool.config;

import dev.picotool.board.Pin;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The sensor and the readings: which sensor on which pin, how often, in which payload format. */
public final class SensorSettings {
    private static final BigDecimal DAY = BigDecimal.valueOf(86_400);

    private SensorSettings() {
    }

    public static final Setting<SensorType> TYPE = Setting.of("sensor.type", Types.choice(SensorType.class))
            .flags("--sensor").label("TYPE").help("dht22 (default), dht11 or none.").byDefault(SensorType.DHT22)
            .export("SENSOR_TYPE", (t, c) -> t == SensorType.NONE ? null : t.id()).display(SensorType::id).build();

    public static final Setting<Pin> PIN = Setting.of("sensor.pin", Types.PIN)
            .flags("--pin").label("GPIO").help("Sensor data pin (default GP15).").firmwareOnly()
            .byDefault(r -> r.context().pinout().find(r.context().pinout().defaultSensorPin()))
            .check((pin, r) -> {
                if (pin.hasCaution()) {
                    r.warn(pin.name() + " is " + pin.caution() + "; it works, but "
                            + r.context().pinout().defaultSensorPin() + " avoids surprises.");
                }
            })
            .export("SENSOR_PIN", (p, c) -> p.gpio()).export("SENSOR_PIN_NAME", (p, c) -> p.name())
            .display(p -> p.name() + " (physical pin " + p.physical() + ")").build();

    public static final Setting<BigDecimal> INTERVAL = Setting.of("interval", Types.seconds(DAY))
            .flags("--interval").label("SECONDS").help("Seconds between readings (default 10; at least the "
                    + "sensor's minimum, 2 for a DHT22).").byDefault(BigDecimal.TEN)
            .firmwareCheck((v, r) -> {
                SensorType sensor = r.get(TYPE);
                BigDecimal min = BigDecimal.valueOf(sensor.minIntervalMillis(), 3);
                if (v.compareTo(min) < 0) {
                    throw new Invalid(v.toPlainString() + " is too short", sensor == SensorType.NONE
                            ? "use at least " + min.stripTrailingZeros().toPlainString() + " second"
                            : "use at least " + min.stripTrailingZeros().toPlainString() + " second"
                                    + (min.compareTo(BigDecimal.ONE) == 0 ? "" : "s") + ": a "
                                    + sensor.id().toUpperCase(Locale.ROOT)
                                    + " gives wrong or stale readings when read faster");
                }
            })
            .export("PUBLISH_INTERVAL_S").display(v -> v.toPlainString() + " s").build();

    public static final Setting<PayloadFormat> PAYLOAD = Setting.of("payload", Types.choice(PayloadFormat.class))
            .flags("--payload").label("FORMAT").help("plain (23.1, the default) or json ({\"value\": 23.1, "
                    + "\"unit\": \"°C\"}); verify accepts both when not given.")
            .byDefault(r -> r.use() == Use.FIRMWARE ? java.util.Optional.of(PayloadFormat.PLAIN)
                    : java.util.Optional.empty())
            .export("PAYLOAD_FORMAT", (p, c) -> p.id()).whenAbsent("plain or json").display(PayloadFormat::id)
            .build();

    static final List<Setting<?>> ALL = List.of(TYPE, PIN, INTERVAL, PAYLOAD);
}
