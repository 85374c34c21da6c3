package dev.picotool.config;

import java.math.BigDecimal;
import java.util.List;

/**
 * Offsets added on the board to each reading before it is published, like ESPHome's {@code offset} filter: a DHT22
 * that reads 1 °C high against a reference gets {@code --temperature-offset -1}. The humidity is clamped to 0–100 %
 * after its offset, so a reading never leaves the physical range.
 */
final class CalibrationSettings {
    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal TWENTY = BigDecimal.valueOf(20);

    private CalibrationSettings() {
    }

    public static final Setting<BigDecimal> TEMPERATURE = offset("temperature", "--temperature-offset",
            "The sensor's temperature", TEN, "°C", "TEMPERATURE_OFFSET");

    public static final Setting<BigDecimal> HUMIDITY = offset("humidity", "--humidity-offset",
            "The sensor's relative humidity (clamped to 0-100 % afterwards)", TWENTY, "%", "HUMIDITY_OFFSET");

    public static final Setting<BigDecimal> INTERNAL = offset("internal_temperature",
            "--internal-temperature-offset", "The RP2040's own temperature", TEN, "°C",
            "INTERNAL_TEMPERATURE_OFFSET");

    static final List<Setting<?>> ALL = List.of(INTERNAL, TEMPERATURE, HUMIDITY);

    private static Setting<BigDecimal> offset(String name, String flag, String what, BigDecimal limit, String unit,
                                              String constant) {
        Setting.Builder<BigDecimal> b = Setting.of("calibration." + name + "_offset",
                        Types.decimal(limit.negate(), limit, unit))
                .flags(flag).label(unit.equals("%") ? "PERCENT" : "DEGREES")
                .help(what + ": added on the board before publishing (default 0, at most ±" + limit + " " + unit
                        + ").").firmwareOnly().byDefault(BigDecimal.ZERO).export(constant)
                .display(v -> (v.signum() > 0 ? "+" : "") + v.toPlainString() + " " + unit
                        + (unit.equals("%") ? " (then clamped to 0-100 %)" : ""));
        if (!name.equals("internal_temperature")) {
            b.shownWhen(c -> c.get(SensorSettings.TYPE) != SensorType.NONE);
        }
        return b.build();
    }
}
