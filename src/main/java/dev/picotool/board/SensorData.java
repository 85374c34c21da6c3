package dev.picotool.board;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A sensor's facts from {@code pinouts/sensors.json} (its datasheet, cited there): how often it may be read and the
 * ranges it measures. The validator, the verifier's plausible ranges and the firmware all take them from here.
 *
 * @param minIntervalMs reading faster gives stale values or checksum errors
 */
public record SensorData(String id, String label, int minIntervalMs, double minTemperature, double maxTemperature,
                         double minHumidity, double maxHumidity) {
    private static final Map<String, SensorData> ALL = load();

    /** The facts for {@code dht22} or {@code dht11}. */
    public static SensorData of(String id) {
        SensorData d = ALL.get(id);
        if (d == null) {
            throw new IllegalArgumentException("no sensor data for " + id);
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, SensorData> load() {
        try (InputStream in = SensorData.class.getResourceAsStream("/pinouts/sensors.json")) {
            if (in == null) {
                throw new PicoToolException(ExitCode.INTERNAL, "pinouts/sensors.json is missing from picotool",
                        "rebuild picotool");
            }
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Map<String, Object>> sensors = (Map<String, Map<String, Object>>) doc.get("sensors");
            return sensors.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> {
                        Map<String, Object> s = e.getValue();
                        List<Number> t = (List<Number>) s.get("temperature");
                        List<Number> h = (List<Number>) s.get("humidity");
                        return new SensorData(e.getKey(), (String) s.get("label"), (Integer) s.get("minIntervalMs"),
                                t.get(0).doubleValue(), t.get(1).doubleValue(), h.get(0).doubleValue(),
                                h.get(1).doubleValue());
                    }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
