package dev.picotool.testing;

import dev.picotool.config.SecretSource;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A scripted environment: variables, files and (optionally) a person answering prompts. */
public final class FakeSecrets implements SecretSource {
    private final Map<String, String> env = new HashMap<>();
    private final Map<Path, String> files = new HashMap<>();
    private String promptAnswer;
    private int prompts;

    public FakeSecrets env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public FakeSecrets file(String path, String firstLine) {
        files.put(Path.of(path), firstLine);
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
    public String firstLine(Path file) throws IOException {
        String v = files.get(file);
        if (v == null) {
            throw new NoSuchFileException(file.toString());
        }
        return v;
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
