package dev.picotool.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds one secret: from {@code <key>_env} (a variable's name), {@code <key>_file} (a file's first line), a fixed
 * fallback variable, or a no-echo prompt ({@code <key>_prompt}, the bare {@code --wifi-password} flag, asks even when
 * another source is set). Messages name the option that was given, never its value: a password typed where a
 * variable name or path belongs must not be printed back.
 */
final class SecretResolver {
    static final String ENV = "_env";
    static final String FILE = "_file";
    static final String PROMPT = "_prompt";
    /** Longer than any WPA2 or MQTT password a person uses; a bigger file is the wrong file. */
    static final int MAX_FILE_BYTES = 4096;
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final RawSettings raw;
    private final SecretSource source;
    private final java.util.Map<String, Origin> origins = new java.util.HashMap<>();

    SecretResolver(RawSettings raw, SecretSource source) {
        this.raw = raw;
        this.source = source;
    }

    boolean sourceGiven(String key) {
        return raw.has(key + ENV) || raw.has(key + FILE) || raw.has(key + PROMPT);
    }

    Optional<Origin> origin(String key) {
        return Optional.ofNullable(origins.get(key));
    }

    Optional<Secret> resolve(String key, Setting.SecretSpec spec, Resolver others) throws Invalid {
        Optional<RawValue> env = raw.get(key + ENV);
        Optional<RawValue> file = raw.get(key + FILE);
        if (env.isPresent() && file.isPresent()) {
            origins.put(key, file.get().origin());
            throw new Invalid("both " + label(key + ENV, env.get()) + " and " + label(key + FILE, file.get())
                    + " are given", "keep only one of them");
        }
        if (raw.has(key + PROMPT)) {
            origins.put(key, raw.get(key + PROMPT).get().origin());
            return prompt(spec, others, true);
        }
        if (env.isPresent()) {
            origins.put(key, env.get().origin());
            return Optional.of(fromEnv(label(key + ENV, env.get()), env.get().text()));
        }
        if (file.isPresent()) {
            origins.put(key, file.get().origin());
            return Optional.of(fromFile(label(key + FILE, file.get()), file.get().text(), others));
        }
        if (!spec.needed().test(others)) {
            return Optional.empty();
        }
        Optional<Secret> automatic = spec.automatic().apply(others);
        if (automatic.isPresent()) {
            return automatic;
        }
        Optional<String> fallback = source.env(spec.fallbackEnv());
        if (fallback.isPresent() && !fallback.get().isEmpty()) {
            return Optional.of(new Secret(fallback.get().toCharArray(), "env " + spec.fallbackEnv()));
        }
        return prompt(spec, others, false);
    }

    private Optional<Secret> prompt(Setting.SecretSpec spec, Resolver others, boolean asked) throws Invalid {
        if (source.hasConsole()) {
            Optional<char[]> typed = source.prompt(spec.question().apply(others));
            if (typed.isPresent() && typed.get().length > 0) {
                return Optional.of(new Secret(typed.get(), "prompt"));
            }
            throw new Invalid("nothing was typed at the prompt", "type the password, or pass " + spec.flag()
                    + "-env NAME or " + spec.flag() + "-file PATH");
        }
        throw new Invalid(asked ? "asked to prompt for the password, but there is no terminal to ask on"
                : "no password given and no terminal to ask for it", "pass " + spec.flag() + "-env NAME (an "
                + "environment variable holding it) or " + spec.flag() + "-file PATH, or set " + spec.fallbackEnv());
    }

    private Secret fromEnv(String label, String name) throws Invalid {
        if (!VARIABLE.matcher(name).matches()) {
            throw new Invalid("the value of " + label + " is not an environment variable name (not shown, in case it "
                    + "is the password itself)", "give the NAME of a variable that holds the password: export "
                    + "MY_PW=... then " + label + " MY_PW");
        }
        Optional<String> v = source.env(name);
        if (v.isEmpty()) {
            throw new Invalid("the environment variable named by " + label + " is not set", "export it before running "
                    + "picotool (its name is not repeated here, in case it is the password itself)");
        }
        if (v.get().isEmpty()) {
            throw new Invalid("the environment variable named by " + label + " is empty", "put the password in it");
        }
        return new Secret(v.get().toCharArray(), "env " + name);
    }

    private Secret fromFile(String label, String name, Resolver others) throws Invalid {
        Path path = HomePath.expand(name, others.context().home());
        byte[] bytes;
        try {
            bytes = source.readFile(path, MAX_FILE_BYTES);
        } catch (LimitedFile.Unreadable e) {
            throw new Invalid("the file named by " + label + " " + e.getMessage() + " (its name is not repeated here, "
                    + "in case it is the password itself)", e.fix());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Invalid("the file named by " + label + " is not UTF-8 text", "save it as UTF-8 (a password "
                    + "with accents from an old editor is often Latin-1)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark from a Windows editor is not part of the password
        }
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end));
        line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (line.isEmpty()) {
            throw new Invalid("the file named by " + label + (text.isBlank() ? " is empty" : " starts with an empty "
                    + "line; only its first line is read"), "put the password on the first line");
        }
        return new Secret(line.toCharArray(), "file " + path);
    }

    /** How the source was given, for messages: the flag, or the YAML key (the error then also names the line). */
    private static String label(String key, RawValue v) {
        return v.origin().kind() == Origin.Kind.FLAG ? v.origin().where() : key;
    }
}
