package dev.picotool.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Settings as the user gave them, before validation: key as in the YAML file ({@code mqtt.broker}, and for a secret
 * its sources {@code wifi.password_env} / {@code wifi.password_file}) to the text as written. Holds no secret values.
 */
public final class RawSettings {
    private final Map<String, RawValue> values = new LinkedHashMap<>();
    private final List<ConfigError> fileErrors = new ArrayList<>();

    public RawSettings put(String key, String text, Origin origin) {
        if (text != null) {
            values.put(key, new RawValue(text, origin));
        }
        return this;
    }

    /** For tests and built-in configurations (the demo): a value that came from no file or flag. */
    public RawSettings put(String key, String text) {
        return put(key, text, Origin.flag(key));
    }

    public Optional<RawValue> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Optional<String> text(String key) {
        return get(key).map(RawValue::text);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** A problem found while reading a file (unknown key, duplicate), reported with the values' problems. */
    void addError(ConfigError e) {
        fileErrors.add(e);
    }

    List<ConfigError> fileErrors() {
        return Collections.unmodifiableList(fileErrors);
    }

    public Map<String, RawValue> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * These settings with {@code flags} laid over them: a flag wins. A secret is one setting however it is given, so a
     * flag naming any source of it (e.g. {@code --wifi-password-env}) replaces every source the file gave.
     */
    public RawSettings overriddenBy(RawSettings flags) {
        RawSettings merged = new RawSettings();
        values.forEach((key, v) -> {
            boolean replacedSecret = Schema.secretOf(key).map(s -> flags.values.keySet().stream()
                    .anyMatch(k -> Schema.secretOf(k).filter(s::equals).isPresent())).orElse(false);
            if (!replacedSecret) {
                merged.values.put(key, v);
            }
        });
        merged.values.putAll(flags.values);
        merged.fileErrors.addAll(fileErrors);
        merged.fileErrors.addAll(flags.fileErrors);
        return merged;
    }
}
