package dev.picotool.verify;

import dev.picotool.config.PayloadFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads the number out of a reading's payload: plain {@code 23.1} or JSON {@code {"value": 23.1, "unit": "°C"}}.
 * With a format given, the other format is refused (the firmware was rendered with one of them).
 */
public final class PayloadParser {
    /** A decimal number as the firmware prints it; no NaN, Infinity, hex or thousands separators. */
    private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final Optional<PayloadFormat> format;

    public PayloadParser(Optional<PayloadFormat> format) {
        this.format = format;
    }

    /** The value, or a problem saying what is wrong with the payload. */
    public record Parsed(OptionalDouble value, String problem) {
        static Parsed ok(double v) {
            return new Parsed(OptionalDouble.of(v), "");
        }

        static Parsed bad(String problem) {
            return new Parsed(OptionalDouble.empty(), problem);
        }
    }

    public Parsed parse(String payload, String expectedUnit) {
        String t = payload.strip();
        if (t.isEmpty()) {
            return Parsed.bad("empty payload");
        }
        if (t.startsWith("{")) {
            if (format.equals(Optional.of(PayloadFormat.PLAIN))) {
                return Parsed.bad("JSON payload, but plain numbers were expected (--payload plain)");
            }
            return json(t, expectedUnit);
        }
        if (format.equals(Optional.of(PayloadFormat.JSON))) {
            return Parsed.bad("not a JSON object like {\"value\": 23.1, \"unit\": \"°C\"} (--payload json)");
        }
        if (!PLAIN.matcher(t).matches()) {
            return Parsed.bad("not a number");
        }
        return Parsed.ok(Double.parseDouble(t));
    }

    private static Parsed json(String t, String expectedUnit) {
        Object parsed;
        try {
            parsed = Json.parse(t);
        } catch (IllegalArgumentException e) {
            return Parsed.bad("invalid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            return Parsed.bad("JSON is not an object");
        }
        if (!m.containsKey("value")) {
            return Parsed.bad("JSON has no \"value\"");
        }
        Object v = m.get("value");
        if (v == null) {
            return Parsed.bad("\"value\" is null (the sensor read failed?)");
        }
        if (!(v instanceof Double d)) {
            return Parsed.bad("\"value\" is not a number");
        }
        Object unit = m.get("unit");
        if (unit != null && !(unit instanceof String)) {
            return Parsed.bad("\"unit\" is not a string");
        }
        if (unit != null && !expectedUnit.isEmpty() && !unit.equals(expectedUnit)) {
            return Parsed.bad("unit is \"" + unit + "\", expected \"" + expectedUnit + "\"");
        }
        return Parsed.ok(d);
    }
}
