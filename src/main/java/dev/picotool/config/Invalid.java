package dev.picotool.config;

/**
 * A value that cannot be accepted: what is wrong with it and how to fix it. Thrown by value types and checks inside
 * the config package and turned into a {@link ConfigError} with the setting's name and the value's origin. Messages
 * never contain a secret: types that see secrets say what kind of thing was expected, not what was given.
 */
final class Invalid extends Exception {
    private final String fix;

    Invalid(String problem, String fix) {
        super(problem, null, false, false);
        this.fix = fix;
    }

    String problem() {
        return getMessage();
    }

    String fix() {
        return fix;
    }
}
