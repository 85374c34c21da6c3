package dev.picotool.config;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in the settings, reported together so the user can fix them in one go. */
public final class ConfigException extends PicoToolException {
    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(ExitCode.INVALID_CONFIG, summary(errors), "");
        this.errors = List.copyOf(errors);
    }

    public static ConfigException of(String field, String problem, String fix) {
        return new ConfigException(List.of(new ConfigError(field, problem, fix)));
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String summary(List<ConfigError> errors) {
        String head = errors.size() == 1 ? "invalid setting" : errors.size() + " invalid settings";
        return head + ":\n" + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
    }
}
