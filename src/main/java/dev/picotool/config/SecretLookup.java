package dev.picotool.config;

import java.util.List;
import java.util.Optional;

/**
 * One password for a command that renders no firmware and has its own options for it ({@code picotool broker
 * --password-env}): found exactly as the settings' secrets are, with the same messages.
 */
public final class SecretLookup {
    public static final String FALLBACK_ENV = "PICOTOOL_MQTT_PASSWORD";

    private SecretLookup() {
    }

    /**
     * @param flag the option stem for messages, e.g. {@code --password} (its {@code -env}/{@code -file} forms)
     * @return the password, or empty when none of the sources holds one and no terminal can be asked
     */
    public static Optional<Secret> find(String flag, Optional<String> envName, Optional<String> file,
                                        SecretSource source) {
        String key = MqttSettings.PASSWORD.key();
        RawSettings raw = new RawSettings();
        envName.ifPresent(e -> raw.put(key + SecretResolver.ENV, e, Origin.flag(flag + "-env")));
        file.ifPresent(f -> raw.put(key + SecretResolver.FILE, f, Origin.flag(flag + "-file")));
        Setting.SecretSpec spec = new Setting.SecretSpec(flag, FALLBACK_ENV, r -> "MQTT password: ", r -> true);
        ValidationContext context = new ValidationContext(null, source, List::of,
                java.nio.file.Path.of(System.getProperty("user.home", "/")), java.time.Clock.systemUTC(), Use.VERIFY);
        try {
            return new SecretResolver(raw, source).resolve(key, spec, new Resolver(raw, context));
        } catch (Invalid e) {
            throw ConfigException.of(flag, e.problem(), e.fix());
        }
    }
}
