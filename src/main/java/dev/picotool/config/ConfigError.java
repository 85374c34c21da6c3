package dev.picotool.config;

/**
 * One problem with one setting: {@code field: problem. Fix: fix}, prefixed with {@code file:line:column: } when the
 * value came from a config file.
 */
public record ConfigError(String field, String problem, String fix, String where) {
    public ConfigError(String field, String problem, String fix) {
        this(field, problem, fix, "");
    }

    static ConfigError at(Origin origin, String field, String problem, String fix) {
        return new ConfigError(field, problem, fix, origin == null ? "" : origin.errorPrefix());
    }

    @Override
    public String toString() {
        return (where.isEmpty() ? "" : where + ": ") + field + ": " + problem + ". Fix: " + fix;
    }
}
