package dev.picotool.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Where secrets come from. The real one reads the environment, files and the console; tests pass their own. */
public interface SecretSource {
    Optional<String> env(String name);

    /** The first line of the file, without its line ending. */
    String firstLine(Path file) throws IOException;

    /** True when a person is there to answer a prompt. */
    boolean hasConsole();

    /** Ask without echo; empty when the user gave nothing. */
    Optional<char[]> prompt(String question);
}
