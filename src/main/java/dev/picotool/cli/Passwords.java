package dev.picotool.cli;

import static dev.picotool.config.ConfigFields.MQTT_PASSWORD;
import static dev.picotool.config.ConfigFields.MQTT_PASSWORD_ENV;
import static dev.picotool.config.ConfigFields.MQTT_PASSWORD_FILE;

import dev.picotool.config.ConfigException;
import dev.picotool.config.RawConfig;
import dev.picotool.config.Secret;
import dev.picotool.config.SecretSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The MQTT password for commands that do not render firmware (verify, broker): from an environment variable, a
 * file, PICOTOOL_MQTT_PASSWORD, or a no-echo prompt. Errors name where it was looked for, never the value.
 */
final class Passwords {
    static final String FALLBACK_ENV = "PICOTOOL_MQTT_PASSWORD";

    private Passwords() {
    }

    static Optional<Secret> mqtt(RawConfig raw, SecretSource secrets) {
        return find(raw.get(MQTT_PASSWORD_ENV), raw.get(MQTT_PASSWORD_FILE), secrets, "--mqtt-password");
    }

    /** Finds the password; empty when none is given and nobody is there to ask. */
    static Optional<Secret> find(Optional<String> envName, Optional<String> file, SecretSource secrets,
                                 String flag) {
        if (envName.isPresent() && file.isPresent()) {
            throw ConfigException.of(MQTT_PASSWORD, "both " + flag + "-env and " + flag + "-file are given",
                    "keep only one of them");
        }
        if (envName.isPresent()) {
            return Optional.of(secrets.env(envName.get()).map(v -> new Secret(v.toCharArray(), "env "
                    + envName.get())).orElseThrow(() -> ConfigException.of(MQTT_PASSWORD, "environment variable "
                    + envName.get() + " is not set", "export " + envName.get() + " first, or use " + flag + "-file")));
        }
        if (file.isPresent()) {
            try {
                return Optional.of(new Secret(secrets.firstLine(Path.of(file.get())).toCharArray(), "file "
                        + file.get()));
            } catch (IOException e) {
                throw ConfigException.of(MQTT_PASSWORD, "cannot read password file " + file.get(),
                        "check the path and that you may read it");
            }
        }
        Optional<String> fallback = secrets.env(FALLBACK_ENV);
        if (fallback.isPresent()) {
            return Optional.of(new Secret(fallback.get().toCharArray(), "env " + FALLBACK_ENV));
        }
        if (secrets.hasConsole()) {
            return secrets.prompt("MQTT password: ").filter(p -> p.length > 0).map(p -> new Secret(p, "prompt"));
        }
        return Optional.empty();
    }
}
