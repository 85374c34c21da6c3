package dev.picotool.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds one secret: from {@code <field>_env}, {@code <field>_file}, a fixed fallback variable, or a no-echo prompt.
 * Errors name the source, never the value.
 */
public final class SecretResolver {
    private final RawConfig raw;
    private final SecretSource source;
    private final List<ConfigError> errors;

    SecretResolver(RawConfig raw, SecretSource source, List<ConfigError> errors) {
        this.raw = raw;
        this.source = source;
        this.errors = errors;
    }

    /**
     * One optional secret for commands that render no firmware (verify, broker): the same sources and messages as
     * the validator, with a problem thrown at once as a {@link ConfigException}.
     */
    public static Optional<Secret> lookup(RawConfig raw, SecretSource source, String field, String fallbackEnv,
                                          String flag, String question) {
        List<ConfigError> errors = new ArrayList<>();
        Optional<Secret> secret = new SecretResolver(raw, source, errors).resolve(field, fallbackEnv, flag, question,
                false);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return secret;
    }

    /**
     * @param field        e.g. wifi.password
     * @param fallbackEnv  variable read when nothing else is given, e.g. PICOTOOL_WIFI_PASSWORD
     * @param flag         the command-line stem for hints, e.g. --wifi-password
     * @param question     the prompt text
     * @return the secret, or empty when none was found (an error has then been recorded if {@code required})
     */
    Optional<Secret> resolve(String field, String fallbackEnv, String flag, String question, boolean required) {
        Optional<String> envName = raw.get(field + "_env");
        Optional<String> file = raw.get(field + "_file");
        if (envName.isPresent() && file.isPresent()) {
            errors.add(new ConfigError(field, "both " + flag + "-env and " + flag + "-file are given",
                    "keep only one of them"));
            return Optional.empty();
        }
        if (envName.isPresent()) {
            Optional<String> v = source.env(envName.get());
            if (v.isEmpty()) {
                errors.add(new ConfigError(field, "environment variable " + envName.get() + " is not set",
                        "export " + envName.get() + " before running picotool, or use " + flag + "-file"));
            }
            return v.map(s -> new Secret(s.toCharArray(), "env " + envName.get()));
        }
        if (file.isPresent()) {
            try {
                String line = source.firstLine(Path.of(file.get()));
                return Optional.of(new Secret(line.toCharArray(), "file " + file.get()));
            } catch (IOException e) {
                errors.add(new ConfigError(field, "cannot read password file " + file.get(),
                        "check the path and that you may read it (chmod 600 it, owned by you)"));
                return Optional.empty();
            }
        }
        Optional<String> fallback = source.env(fallbackEnv);
        if (fallback.isPresent()) {
            return Optional.of(new Secret(fallback.get().toCharArray(), "env " + fallbackEnv));
        }
        if (source.hasConsole()) {
            Optional<char[]> typed = source.prompt(question);
            if (typed.isPresent() && typed.get().length > 0) {
                return Optional.of(new Secret(typed.get(), "prompt"));
            }
        }
        if (required) {
            errors.add(new ConfigError(field, "no password given and no terminal to ask for it",
                    "pass " + flag + "-env NAME (an environment variable holding it) or " + flag
                            + "-file PATH, or set " + fallbackEnv));
        }
        return Optional.empty();
    }
}
