package dev.picotool.config;

/** One problem with one setting: {@code field: problem. Fix: fix}. */
public record ConfigError(String field, String problem, String fix) {
    @Override
    public String toString() {
        return field + ": " + problem + ". Fix: " + fix;
    }
}
