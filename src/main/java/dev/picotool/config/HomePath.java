package dev.picotool.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** File names as users write them in settings: {@code ~/} means the home directory, as in a shell. */
final class HomePath {
    private HomePath() {
    }

    static Path expand(String text, Path home) throws Invalid {
        try {
            if (text.equals("~")) {
                return home;
            }
            if (text.startsWith("~/")) {
                return home.resolve(text.substring(2));
            }
            if (text.isEmpty()) {
                throw new Invalid("is empty", "give the path of a file");
            }
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new Invalid("is not a usable file name", "check the path");
        }
    }
}
