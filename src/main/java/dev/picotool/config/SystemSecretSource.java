package dev.picotool.config;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Secrets from the process environment, files and the console. It never falls back to reading standard input
 * without a console: in CI that would read whatever fd 0 happens to be (see java-stack-notes, picocli section).
 */
public final class SystemSecretSource implements SecretSource {
    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name));
    }

    @Override
    public String firstLine(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            return line == null ? "" : line;
        }
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
