package dev.picotool.config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The small typed checks the validator repeats for many fields, each recording a {@link ConfigError}. */
final class Checks {
    private final RawConfig raw;
    private final List<ConfigError> errors;

    Checks(RawConfig raw, List<ConfigError> errors) {
        this.raw = raw;
        this.errors = errors;
    }

    int integer(String field, int dflt, int min, int max, String rule) {
        String text = raw.get(field).orElse(null);
        if (text == null) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(text.trim());
            if (v < min || v > max) {
                errors.add(new ConfigError(field, v + " is out of range", "use " + rule));
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(new ConfigError(field, "'" + text + "' is not a whole number", "use " + rule));
            return dflt;
        }
    }

    boolean bool(String field, boolean dflt) {
        String text = raw.get(field).orElse(null);
        if (text == null) {
            return dflt;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                errors.add(new ConfigError(field, "'" + text + "' is not true or false", "write true or false"));
                return dflt;
        }
    }

    <E extends Enum<E>> E choice(String field, String dflt, Class<E> type) {
        String text = raw.get(field).orElse(dflt).trim();
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String valid = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            errors.add(new ConfigError(field, "'" + text + "' is not one of " + valid, "use one of " + valid));
            return null;
        }
    }

    /** A topic the firmware publishes to: MQTT forbids wildcards and NUL there; $-topics belong to the broker. */
    String topic(String field, String dflt) {
        String t = raw.get(field).orElse(dflt);
        int bytes = t.getBytes(StandardCharsets.UTF_8).length;
        if (t.isEmpty()) {
            errors.add(new ConfigError(field, "is empty", "give a topic such as " + dflt));
        } else if (t.contains("+") || t.contains("#")) {
            errors.add(new ConfigError(field, "'" + t + "' contains a wildcard (+ or #), which is only allowed "
                    + "when subscribing", "publish to a plain topic such as " + dflt));
        } else if (t.indexOf('\0') >= 0 || !encodable(t)) {
            errors.add(new ConfigError(field, "contains a NUL or an unpaired surrogate character",
                    "remove it from the topic"));
        } else if (bytes > 65_535) {
            errors.add(new ConfigError(field, "is " + bytes + " bytes; MQTT topics have at most 65535",
                    "use a shorter topic"));
        } else if (t.startsWith("$")) {
            errors.add(new ConfigError(field, "topics starting with $ are reserved for the broker",
                    "use a topic such as " + dflt));
        }
        return t;
    }

    /** False for strings Java cannot encode as UTF-8 (an unpaired surrogate would be written as '?'). */
    static boolean encodable(String s) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(s);
    }
}
