package dev.picotool.demo;

import dev.picotool.config.LimitedFile;
import dev.picotool.config.SecretSource;
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
    public byte[] readFile(Path file, int limit) throws LimitedFile.Unreadable {
        throw new LimitedFile.Unreadable("is not read: the demo reads no password files", "none");
    }
}
