package dev.picotool.testing;

import dev.picotool.config.LimitedFile;
import dev.picotool.config.SecretSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A scripted environment: variables, files and (optionally) a person answering prompts. */
public final class FakeSecrets implements SecretSource {
    private final Map<String, String> env = new HashMap<>();
    private final Map<Path, byte[]> files = new HashMap<>();
    private String promptAnswer;
    private int prompts;

    public FakeSecrets env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** A file holding exactly this text (a password file's first line, say). */
    public FakeSecrets file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public FakeSecrets file(String path, byte[] content) {
        files.put(Path.of(path), content.clone());
        return this;
    }

    /** Pretend a terminal is attached and the user types this. */
    public FakeSecrets console(String answer) {
        promptAnswer = answer;
        return this;
    }

    public int prompts() {
        return prompts;
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name));
    }

    @Override
    public byte[] readFile(Path file, int limit) throws LimitedFile.Unreadable {
        byte[] v = files.get(file);
        if (v == null) {
            throw new LimitedFile.Unreadable("does not exist", "check the path");
        }
        return v.clone();
    }

    @Override
    public boolean hasConsole() {
        return promptAnswer != null;
    }

    @Override
    public Optional<char[]> prompt(String question) {
        prompts++;
        return Optional.ofNullable(promptAnswer).map(String::toCharArray);
    }
}
