package dev.picotool.config;

import java.util.Locale;

/** How a reading is encoded on the wire: {@code 23.1} or {@code {"value": 23.1, "unit": "°C"}}. */
public enum PayloadFormat {
    PLAIN,
    JSON;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
