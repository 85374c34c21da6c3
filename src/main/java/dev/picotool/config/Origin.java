package dev.picotool.config;

import java.nio.file.Path;

/**
 * Where a setting's value came from, for error messages and {@code validate}'s printout: a flag, a place in a YAML
 * file ({@code picotool.yaml:7:8}, the form editors jump to), the environment, or the schema's default.
 */
public record Origin(Kind kind, String where) {
    public enum Kind { FLAG, FILE, DEFAULT }

    public static final Origin DEFAULT = new Origin(Kind.DEFAULT, "default");

    public static Origin flag(String name) {
        return new Origin(Kind.FLAG, name);
    }

    static Origin file(Path file, int line, int column) {
        return new Origin(Kind.FILE, file + ":" + line + ":" + column);
    }

    /** The location to put in front of an error message: only file positions are worth it. */
    String errorPrefix() {
        return kind == Kind.FILE ? where : "";
    }

    @Override
    public String toString() {
        return where;
    }
}
