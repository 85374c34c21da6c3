package dev.picotool.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.picotool.config.PayloadFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads the number out of a reading's payload: plain {@code 23.1} or JSON {@code {"value": 23.1, "unit": "°C"}}.
 * With a format given, the other format is refused (the firmware was rendered with one of them). Whatever arrives,
 * the answer is a value or a problem: a payload is never trusted to be small, shallow, finite or well-formed.
 */
final class PayloadParser {
    /**
     * The most a payload may be. The firmware's are under 40 bytes; a longer one is refused before it is parsed, and
     * the broker connection cuts longer ones down to one byte more than this before they are kept in memory.
     */
    public static final int MAX_PAYLOAD_BYTES = 4096;
    /** {"value": …} is one level deep; a few more are allowed for richer payloads, thousands are an attack. */
    private static final int MAX_NESTING = 16;
    /** A decimal number as the firmware prints it; no NaN, Infinity, hex or thousands separators. */
    private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                    .maxStringLength(MAX_PAYLOAD_BYTES).maxNumberLength(MAX_PAYLOAD_BYTES).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final int SHOWN_ERROR_CHARS = 80;

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
        return parse(payload.getBytes(StandardCharsets.UTF_8), expectedUnit);
    }

    public Parsed parse(byte[] payload, String expectedUnit) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return Parsed.bad("payload longer than " + MAX_PAYLOAD_BYTES + " bytes: not a reading");
        }
        String t = new String(payload, StandardCharsets.UTF_8).strip();
        if (t.isEmpty()) {
            return Parsed.bad("empty payload");
        }
        if (t.startsWith("{")) {
            if (format.equals(Optional.of(PayloadFormat.PLAIN))) {
                return Parsed.bad("JSON payload, but plain numbers were expected (--payload plain)");
            }
            return json(payload, expectedUnit);
        }
        if (format.equals(Optional.of(PayloadFormat.JSON))) {
            return Parsed.bad("not a JSON object like {\"value\": 23.1, \"unit\": \"°C\"} (--payload json)");
        }
        if (!PLAIN.matcher(t).matches()) {
            return Parsed.bad("not a number");
        }
        return finite(Double.parseDouble(t), "not a finite number (too large for a reading)");
    }

    /**
     * The payload as text for people and recordings: UTF-8 (bad bytes as U+FFFD), at most {@link #MAX_PAYLOAD_BYTES}
     * of it, then "…".
     */
    public static String text(byte[] payload) {
        if (payload.length <= MAX_PAYLOAD_BYTES) {
            return new String(payload, StandardCharsets.UTF_8);
        }
        return new String(Arrays.copyOf(payload, MAX_PAYLOAD_BYTES), StandardCharsets.UTF_8) + "…";
    }

    /** Whether {@code text} is a plain decimal number as the firmware prints it, e.g. {@code -3.5}. */
    static boolean isPlainNumber(String text) {
        return PLAIN.matcher(text).matches();
    }

    private static Parsed finite(double v, String problem) {
        return Double.isFinite(v) ? Parsed.ok(v) : Parsed.bad(problem);
    }

    /** One pass over the whole document (so a syntax error or a duplicate key anywhere counts), then the verdict. */
    private static Parsed json(byte[] payload, String expectedUnit) {
        boolean hasValue = false;
        Parsed value = Parsed.bad("\"value\" is not a number");
        JsonToken unitToken = null;
        String unit = null;
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Parsed.bad("JSON is not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("value")) {
                    hasValue = true;
                    value = v == JsonToken.VALUE_NULL ? Parsed.bad("\"value\" is null (the sensor read failed?)")
                            : v.isNumeric() ? finite(p.getDoubleValue(), "\"value\" is not a finite number")
                            : Parsed.bad("\"value\" is not a number");
                } else if (name.equals("unit")) {
                    unitToken = v;
                    unit = v == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
            if (p.nextToken() != null) {
                return Parsed.bad("invalid JSON: more after the object");
            }
        } catch (JsonProcessingException e) { // syntax, duplicate keys, nesting and size limits
            return Parsed.bad("invalid JSON: " + shorten(e.getOriginalMessage()));
        } catch (IOException e) {
            return Parsed.bad("invalid JSON: " + shorten(String.valueOf(e.getMessage())));
        }
        if (!hasValue) {
            return Parsed.bad("JSON has no \"value\"");
        }
        if (value.value().isEmpty()) {
            return value;
        }
        if (unitToken != null && unitToken != JsonToken.VALUE_NULL && unit == null) {
            return Parsed.bad("\"unit\" is not a string");
        }
        if (unit != null && !expectedUnit.isEmpty() && !unit.equals(expectedUnit)) {
            return Parsed.bad("unit is \"" + shorten(unit) + "\", expected \"" + expectedUnit + "\"");
        }
        return value;
    }

    private static String shorten(String s) {
        String one = s.lines().findFirst().orElse("");
        return one.length() <= SHOWN_ERROR_CHARS ? one : one.substring(0, SHOWN_ERROR_CHARS) + "…";
    }
}
