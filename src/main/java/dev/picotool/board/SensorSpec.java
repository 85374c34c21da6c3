package dev.picotool.board;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A DHT sensor's facts from {@code pinouts/sensors.json}: its four pins (1 VCC, 2 DATA, 3 NC, 4 GND), the supply it
 * takes, the pull-up DATA needs, how often it may be read and the ranges it measures. The validator, the wiring
 * advice and verify's plausible ranges all take them from here.
 */
public record SensorSpec(String id, String name, String alias, double minSupplyVolts, double maxSupplyVolts,
                         int minReadIntervalMs, double minTemperature, double maxTemperature, double minHumidity,
                         double maxHumidity, int minPullUpOhms, int maxPullUpOhms, List<SensorPin> pins) {
    private static final List<SensorSpec> ALL = load();

    /** One leg of the sensor; {@code role} is power, data, ground or none. */
    public record SensorPin(int number, String name, String role) {
    }

    public static SensorSpec get(String id) {
        String want = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(s -> s.id.equals(want)).findFirst().orElseThrow(() -> new PicoToolException(
                ExitCode.USAGE, "unknown sensor '" + id + "'", "use --sensor "
                        + ALL.stream().map(SensorSpec::id).collect(Collectors.joining(" or --sensor "))));
    }

    public static List<SensorSpec> all() {
        return ALL;
    }

    public SensorPin pin(String role) {
        return pins.stream().filter(p -> p.role.equals(role)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " has no " + role + " pin"));
    }

    /** "DHT22 (AM2302)". */
    public String fullName() {
        return alias.isEmpty() ? name : name + " (" + alias + ")";
    }

    /** "4.7-10 kOhm". */
    public String pullUp() {
        return kilo(minPullUpOhms) + "-" + kilo(maxPullUpOhms) + " kOhm";
    }

    private static String kilo(int ohms) {
        return ohms % 1000 == 0 ? String.valueOf(ohms / 1000) : String.valueOf(ohms / 1000.0);
    }

    private static List<SensorSpec> load() {
        DataFile d = DataFile.load("/pinouts/sensors.json");
        return d.objects("sensors").stream().map(s -> {
            DataFile supply = s.object("supplyVolts");
            DataFile pullUp = s.object("pullUpOhms");
            DataFile t = s.object("temperatureC");
            DataFile h = s.object("humidityPercent");
            return new SensorSpec(s.str("id"), s.str("name"), s.str("alias"), supply.number("min"),
                    supply.number("max"), s.integer("minReadIntervalMs"), t.number("min"), t.number("max"),
                    h.number("min"), h.number("max"), pullUp.integer("min"),
                    pullUp.integer("max"), s.objects("pins").stream().map(p -> new SensorPin(p.integer("number"),
                            p.str("name"), p.str("role"))).toList());
        }).toList();
    }
}
