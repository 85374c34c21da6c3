package dev.picotool.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Settings as the user gave them, before validation: field name (as in the YAML file, e.g. {@code mqtt.broker}) to
 * raw text. Flags are laid over the file, so a flag wins. Holds no secret values, only where to find them.
 */
public final class RawConfig {
    private final Map<String, String> values = new LinkedHashMap<>();

    public RawConfig put(String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
        return this;
    }

    public RawConfig put(String field, boolean flag) {
        return flag ? put(field, "true") : this;
    }

    public RawConfig putAll(RawConfig other) {
        values.putAll(other.values);
        return this;
    }

    public Optional<String> get(String field) {
        return Optional.ofNullable(values.get(field));
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
