package dev.picotool.cli;

import dev.picotool.config.Secret;
import dev.picotool.config.SecretLookup;
import dev.picotool.config.SecretSource;
import java.util.Optional;

/** The password of a command with its own password options ({@code broker}), found as the settings' secrets are. */
final class Passwords {
    static final String FALLBACK_ENV = SecretLookup.FALLBACK_ENV;

    private Passwords() {
    }

    static Optional<Secret> find(Optional<String> envName, Optional<String> file, SecretSource secrets, String flag) {
        return SecretLookup.find(flag, envName, file, secrets);
    }
}
