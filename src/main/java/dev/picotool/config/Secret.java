package dev.picotool.config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A password. It prints as a mask wherever it ends up (toString, logs, exception messages, records' toString),
 * so only the renderer that writes it onto the device ever sees the value, through {@link #reveal()}.
 */
public final class Secret {
    private final char[] value;
    private final String origin;

    public Secret(char[] value, String origin) {
        this.value = value.clone();
        this.origin = origin;
    }

    /** The clear text. Call it only where the value must really go (the rendered settings.py). */
    public String reveal() {
        return new String(value);
    }

    public int length() {
        return value.length;
    }

    public int utf8Length() {
        return reveal().getBytes(StandardCharsets.UTF_8).length;
    }

    /** Where it came from, e.g. "env PICO_PW" or "prompt": safe to show. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "******** (from " + origin + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
