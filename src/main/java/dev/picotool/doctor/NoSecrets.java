package dev.picotool.doctor;

import dev.picotool.config.LimitedFile;
import dev.picotool.config.SecretSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The secret source doctor reads the settings with: it reads no password anywhere and asks for none (doctor logs in
 * nowhere), but lets every password source count as given, so settings that name one are not reported as broken.
 */
public final class NoSecrets implements SecretSource {
    private static final String PLACEHOLDER = "not-read-by-doctor";

    @Override
    public Optional<String> env(String name) {
        return Optional.of(PLACEHOLDER);
    }

    @Override
    public byte[] readFile(Path file, int limit) throws LimitedFile.Unreadable {
        return PLACEHOLDER.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
