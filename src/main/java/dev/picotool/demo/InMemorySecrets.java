package dev.picotool.demo;

import dev.picotool.config.SecretSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** One secret held in memory under a variable name: how the demo hands its generated password to validation. */
final class InMemorySecrets implements SecretSource {
    private final String name;
    private final String value;

    InMemorySecrets(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public Optional<String> env(String variable) {
        return variable.equals(name) ? Optional.of(value) : Optional.empty();
    }

    @Override
    public String firstLine(Path file) throws IOException {
        throw new IOException("the demo reads no password files");
    }

    @Override
    public boolean hasConsole() {
        return false;
    }

    @Override
    public Optional<char[]> prompt(String question) {
        return Optional.empty();
    }
}
