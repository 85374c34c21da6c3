package dev.picotool.cli;

import static dev.picotool.config.ConfigFields.MQTT_PASSWORD;
import static dev.picotool.config.ConfigFields.MQTT_PASSWORD_ENV;
import static dev.picotool.config.ConfigFields.MQTT_PASSWORD_FILE;

import dev.picotool.config.RawConfig;
import dev.picotool.config.Secret;
import dev.picotool.config.SecretResolver;
import dev.picotool.config.SecretSource;
import java.util.Optional;

/**
 * The MQTT password for commands that do not render firmware (verify, broker), found exactly as for the firmware:
 * an environment variable, a file, PICOTOOL_MQTT_PASSWORD, or a no-echo prompt.
 */
final class Passwords {
    static final String FALLBACK_ENV = "PICOTOOL_MQTT_PASSWORD";

    private Passwords() {
    }

    static Optional<Secret> mqtt(RawConfig raw, SecretSource secrets) {
        return SecretResolver.lookup(raw, secrets, MQTT_PASSWORD, FALLBACK_ENV, "--mqtt-password", "MQTT password: ");
    }

    /** The same lookup with the options named by the caller (e.g. --password-env / --password-file). */
    static Optional<Secret> find(Optional<String> envName, Optional<String> file, SecretSource secrets, String flag) {
        RawConfig raw = new RawConfig().put(MQTT_PASSWORD_ENV, envName.orElse(null))
                .put(MQTT_PASSWORD_FILE, file.orElse(null));
        return SecretResolver.lookup(raw, secrets, MQTT_PASSWORD, FALLBACK_ENV, flag, "MQTT password: ");
    }
}
