package dev.picotool.setup;

import dev.picotool.config.LimitedFile;
import dev.picotool.config.SecretSource;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code init}'s checks find passwords: the ones typed at its prompts, under the path of the secrets file each
 * will be written to, so that the settings being built ({@code password_file: ...}) resolve exactly as they will
 * once written; everything else from the real environment and files. It never prompts by itself.
 */
public final class AnswerSecrets implements SecretSource {
    private final SecretSource real;
    private final Map<Path, byte[]> typed = new HashMap<>();

    public AnswerSecrets(SecretSource real) {
        this.real = real;
    }

    /** A password typed for the file {@code file} (not yet written). */
    public void typed(Path file, char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOf(b.array(), b.limit());
        Arrays.fill(b.array(), (byte) 0);
        typed.put(file.toAbsolutePath().normalize(), bytes);
    }

    /** The bytes typed for {@code file}, if any. */
    public Optional<byte[]> typedFor(Path file) {
        return Optional.ofNullable(typed.get(file.toAbsolutePath().normalize())).map(byte[]::clone);
    }

    @Override
    public Optional<String> env(String name) {
        return real.env(name);
    }

    @Override
    public byte[] readFile(Path file, int limit) throws LimitedFile.Unreadable {
        byte[] t = typed.get(file.toAbsolutePath().normalize());
        return t != null ? t.clone() : real.readFile(file, limit);
    }
}
