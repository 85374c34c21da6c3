package dev.picotool.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates settings one at a time, on demand: a default or a rule that needs another setting asks for it here and
 * gets it validated first. Every problem is collected, none stops the run, so the user sees them all at once; a
 * setting whose value was refused goes on with its default so that the rules depending on it still run.
 */
final class Resolver {
    private final RawSettings raw;
    private final ValidationContext context;
    private final SecretResolver secrets;
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<Setting<?>, Optional<?>> values = new HashMap<>();
    private final Map<Setting<?>, Origin> origins = new HashMap<>();
    private final Set<Setting<?>> resolving = new HashSet<>();

    Resolver(RawSettings raw, ValidationContext context) {
        this.raw = raw;
        this.context = context;
        this.secrets = new SecretResolver(raw, context.secrets());
        this.errors.addAll(raw.fileErrors());
    }

    Use use() {
        return context.use();
    }

    ValidationContext context() {
        return context;
    }

    /** The setting's validated value; empty when it is absent (or not used for this purpose). */
    @SuppressWarnings("unchecked")
    <T> Optional<T> find(Setting<T> s) {
        if (!values.containsKey(s)) {
            if (!resolving.add(s)) {
                throw new IllegalStateException("settings " + resolving + " depend on each other");
            }
            try {
                values.put(s, resolve(s));
            } finally {
                resolving.remove(s);
            }
        }
        return (Optional<T>) values.get(s);
    }

    <T> T get(Setting<T> s) {
        return find(s).orElseThrow(() -> new IllegalStateException(s + " has no value and no default"));
    }

    /** True when the user gave this setting (any source of a secret counts), false for a default. */
    boolean given(Setting<?> s) {
        return s.isSecret() ? secrets.sourceGiven(s.key()) : raw.has(s.key());
    }

    void warn(String text) {
        warnings.add(text);
    }

    private <T> Optional<T> resolve(Setting<T> s) {
        if (!s.usedFor(use())) {
            return Optional.empty();
        }
        Optional<RawValue> given = raw.get(s.key());
        Optional<T> value;
        Origin origin = given.map(RawValue::origin).orElse(Origin.DEFAULT);
        try {
            if (s.secret().isPresent()) {
                @SuppressWarnings("unchecked")
                Optional<T> secret = (Optional<T>) secrets.resolve(s.key(), s.secret().get(), this);
                value = secret;
                origin = secrets.origin(s.key()).orElse(Origin.DEFAULT);
            } else if (given.isPresent()) {
                value = Optional.of(s.type().parse(given.get().text(), context));
            } else {
                value = s.defaultValue(this);
            }
        } catch (Invalid e) {
            Origin where = s.isSecret() ? secrets.origin(s.key()).orElse(origin) : origin;
            errors.add(ConfigError.at(where, s.key(), e.problem(), e.fix()));
            return quietDefault(s);
        }
        origins.put(s, origin);
        if (value.isPresent()) {
            try {
                s.check(value.get(), this);
            } catch (Invalid e) {
                errors.add(ConfigError.at(origin, s.key(), e.problem(), e.fix()));
                return quietDefault(s);
            }
        }
        return value;
    }

    /** The default of a setting whose given value was refused, so that rules depending on it can still run. */
    private <T> Optional<T> quietDefault(Setting<T> s) {
        try {
            return s.secret().isPresent() ? Optional.empty() : s.defaultValue(this);
        } catch (Invalid e) {
            return Optional.empty();
        }
    }

    /** Runs a rule about several settings; its problem is reported under {@code field}. */
    void crossCheck(String field, Schema.CrossCheck check) {
        try {
            check.test(this);
        } catch (Invalid e) {
            errors.add(new ConfigError(field, e.problem(), e.fix()));
        }
    }

    List<ConfigError> errors() {
        return errors;
    }

    PicoConfig result(List<Setting<?>> schema) {
        Map<Setting<?>, Object> resolved = new HashMap<>();
        for (Setting<?> s : schema) {
            find(s).ifPresent(v -> resolved.put(s, v));
        }
        return new PicoConfig(resolved, origins, warnings, use());
    }
}
