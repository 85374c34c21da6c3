package dev.picotool.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which settings file to read when {@code --config} is not given: {@code ./picotool.yaml}, then
 * {@code $XDG_CONFIG_HOME/picotool/picotool.yaml} (default {@code ~/.config}), as the XDG base directory
 * specification places per-user configuration.
 */
public record ConfigFiles(Path workingDir, Map<String, String> env, Path home) {
    public static final String NAME = "picotool.yaml";

    public static ConfigFiles system() {
        return new ConfigFiles(Path.of(System.getProperty("user.dir", ".")), System.getenv(),
                Path.of(System.getProperty("user.home", "/")));
    }

    /** No implicit files: for tests and built-in configurations. */
    public static ConfigFiles none() {
        return new ConfigFiles(null, Map.of(), null);
    }

    /** The file to read: the one given, else the first default that exists; empty when there is none. */
    public Optional<Path> choose(Optional<Path> given) {
        if (given.isPresent() || workingDir == null) {
            return given;
        }
        Path local = workingDir.resolve(NAME);
        if (Files.isRegularFile(local)) {
            return Optional.of(local);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        Path user = base.resolve("picotool").resolve(NAME);
        return Files.isRegularFile(user) ? Optional.of(user) : Optional.empty();
    }
}
