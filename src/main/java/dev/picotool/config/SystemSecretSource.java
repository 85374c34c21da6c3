package dev.picotool.config;

import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Secrets from the process environment, files and the console. It never falls back to reading standard input
 * without a console: in CI that would read whatever file descriptor 0 happens to be.
 */
public final class SystemSecretSource implements SecretSource {
    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name));
    }

    @Override
    public byte[] readFile(Path file, int limit) throws LimitedFile.Unreadable {
        return LimitedFile.read(file, limit);
    }

    @Override
    public boolean hasConsole() {
        return System.console() != null;
    }

    @Override
    public Optional<char[]> prompt(String question) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        char[] answer = console.readPassword("%s", question);
        return answer == null ? Optional.empty() : Optional.of(answer);
    }
}
