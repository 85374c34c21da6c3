package dev.picotool.config;

import java.nio.file.Path;
import java.util.Optional;

/** Where secrets come from. The real one reads the environment, files and the console; tests pass their own. */
public interface SecretSource {
    Optional<String> env(String name);

    /** The file's bytes, at most {@code limit}, from a regular file only; {@link LimitedFile.Unreadable} says why not. */
    byte[] readFile(Path file, int limit) throws LimitedFile.Unreadable;

    /** True when a person is there to answer a prompt; by default nobody is (sources made by picotool itself). */
    default boolean hasConsole() {
        return false;
    }

    /** Ask without echo; empty when the user gave nothing (or, by default, when nobody can be asked). */
    default Optional<char[]> prompt(String question) {
        return Optional.empty();
    }
}
