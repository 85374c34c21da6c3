package dev.picotool.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting, described once: its YAML key, command-line flags, type, default, rules with their fixes, whether it is
 * a secret, and the {@code settings.py} constants it becomes. Loading, flag parsing, validation, {@code validate}'s
 * printout and the rendered {@code settings.py} are all derived from these descriptions (see {@link Schema}).
 *
 * @param <T> the validated value's type
 */
public final class Setting<T> {
    /** A rule on the value, possibly looking at other settings; {@link Invalid} when broken. */
    @FunctionalInterface
    interface Check<T> {
        void test(T value, Resolver others) throws Invalid;
    }

    /** The default, possibly computed from other settings; empty = the setting is simply absent. */
    @FunctionalInterface
    interface Default<T> {
        Optional<T> of(Resolver others) throws Invalid;
    }

    /** A {@code settings.py} constant and how this setting's value (absent = null) becomes its Python value. */
    record Export<T>(String constant, BiFunction<T, PicoConfig, Object> value) {
    }

    private record ScopedCheck<T>(Set<Use> uses, Check<T> check) {
    }

    /**
     * What a secret needs beyond a plain setting: its flag stem for hints, the variable read when nothing else is
     * given, the prompt, and when it is needed at all (a Wi-Fi password not for an open network).
     */
    /**
     * @param automatic a value found without being asked for, before the fallback variable and the prompt (the login
     *                  of a broker on this computer); empty for most secrets
     */
    record SecretSpec(String flag, String fallbackEnv, Function<Resolver, String> question,
                      Predicate<Resolver> needed, Function<Resolver, Optional<Secret>> automatic) {
        SecretSpec(String flag, String fallbackEnv, Function<Resolver, String> question, Predicate<Resolver> needed) {
            this(flag, fallbackEnv, question, needed, r -> Optional.empty());
        }
    }

    private final String key;
    private final List<String> flags;
    private final String label;
    private final String help;
    private final ValueType<T> type;
    private final Default<T> dflt;
    private final Invalid required;
    private final List<ScopedCheck<T>> checks;
    private final Set<Use> uses;
    private final List<Export<T>> exports;
    private final Function<T, String> display;
    private final String absentText;
    private final Predicate<PicoConfig> shown;
    private final Optional<SecretSpec> secret;

    private Setting(Builder<T> b) {
        this.key = b.key;
        this.flags = List.copyOf(b.flags);
        this.label = b.label;
        this.help = b.help;
        this.type = b.type;
        this.dflt = b.dflt;
        this.required = b.required;
        this.checks = List.copyOf(b.checks);
        this.uses = Set.copyOf(b.uses);
        this.exports = List.copyOf(b.exports);
        this.display = b.display;
        this.absentText = b.absentText;
        this.shown = b.shown;
        this.secret = Optional.ofNullable(b.secret);
    }

    static <T> Builder<T> of(String key, ValueType<T> type) {
        return new Builder<>(key, type);
    }

    /** The YAML key, dotted ({@code mqtt.keepalive}); also the name in every message about this setting. */
    public String key() {
        return key;
    }

    /** The command-line flags; the first is the main one. Empty for settings only a file can set. */
    public List<String> flags() {
        return flags;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    public boolean isBoolean() {
        return type == Types.BOOL;
    }

    public boolean isSecret() {
        return secret.isPresent();
    }

    public boolean usedFor(Use use) {
        return uses.contains(use);
    }

    /** The value as {@code validate} shows it; secrets show as a mask with their source. */
    public String display(PicoConfig config) {
        return config.find(this).map(display).orElse(absentText);
    }

    /** False for settings that do not matter with the others as they are (humidity topic without a sensor). */
    public boolean shownFor(PicoConfig config) {
        return shown.test(config);
    }

    List<Export<T>> exports() {
        return exports;
    }

    Optional<SecretSpec> secret() {
        return secret;
    }

    ValueType<T> type() {
        return type;
    }

    Optional<T> defaultValue(Resolver others) throws Invalid {
        Optional<T> d = dflt.of(others);
        if (d.isEmpty() && required != null && others.use() == Use.FIRMWARE) {
            throw required;
        }
        return d;
    }

    void check(T value, Resolver others) throws Invalid {
        for (ScopedCheck<T> c : checks) {
            if (c.uses().contains(others.use())) {
                c.check().test(value, others);
            }
        }
    }

    @Override
    public String toString() {
        return key;
    }

    /** Builds one setting; used only by the schema classes. */
    static final class Builder<T> {
        private final String key;
        private final ValueType<T> type;
        private final List<String> flags = new ArrayList<>();
        private String label = "VALUE";
        private String help = "";
        private Default<T> dflt = r -> Optional.empty();
        private Invalid required;
        private final List<ScopedCheck<T>> checks = new ArrayList<>();
        private Set<Use> uses = EnumSet.allOf(Use.class);
        private final List<Export<T>> exports = new ArrayList<>();
        private Function<T, String> display = v -> v instanceof CharSequence s ? "'" + s + "'" : String.valueOf(v);
        private String absentText = "(none)";
        private Predicate<PicoConfig> shown = c -> true;
        private SecretSpec secret;

        private Builder(String key, ValueType<T> type) {
            this.key = key;
            this.type = type;
        }

        Builder<T> flags(String... names) {
            flags.addAll(List.of(names));
            return this;
        }

        Builder<T> label(String l) {
            label = l;
            return this;
        }

        Builder<T> help(String h) {
            help = h;
            return this;
        }

        Builder<T> byDefault(T value) {
            dflt = r -> Optional.of(value);
            return this;
        }

        Builder<T> byDefault(Default<T> d) {
            dflt = d;
            return this;
        }

        /** For the firmware a value must be given; verify then only uses what is there. */
        Builder<T> required(String problem, String fix) {
            required = new Invalid(problem, fix);
            return this;
        }

        Builder<T> check(Check<T> c) {
            checks.add(new ScopedCheck<>(EnumSet.allOf(Use.class), c));
            return this;
        }

        /** A rule of the board's, not of this computer's: skipped when verify reads the settings. */
        Builder<T> firmwareCheck(Check<T> c) {
            checks.add(new ScopedCheck<>(EnumSet.of(Use.FIRMWARE), c));
            return this;
        }

        Builder<T> firmwareOnly() {
            uses = EnumSet.of(Use.FIRMWARE);
            return this;
        }

        Builder<T> export(String constant) {
            return export(constant, (v, c) -> v);
        }

        Builder<T> export(String constant, BiFunction<T, PicoConfig, Object> value) {
            exports.add(new Export<>(constant, value));
            return this;
        }

        Builder<T> display(Function<T, String> d) {
            display = d;
            return this;
        }

        Builder<T> whenAbsent(String text) {
            absentText = text;
            return this;
        }

        Builder<T> shownWhen(Predicate<PicoConfig> p) {
            shown = p;
            return this;
        }

        Builder<T> secret(String fallbackEnv, Function<Resolver, String> question, Predicate<Resolver> needed) {
            return secret(fallbackEnv, question, needed, r -> Optional.empty());
        }

        Builder<T> secret(String fallbackEnv, Function<Resolver, String> question, Predicate<Resolver> needed,
                          Function<Resolver, Optional<Secret>> automatic) {
            secret = new SecretSpec(flags.get(0), fallbackEnv, question, needed, automatic);
            return this;
        }

        Setting<T> build() {
            return new Setting<>(this);
        }
    }
}
