package dev.picotool.config;

/** A setting's value exactly as the user wrote it (never converted by the YAML parser), and where it was written. */
public record RawValue(String text, Origin origin) {
}
