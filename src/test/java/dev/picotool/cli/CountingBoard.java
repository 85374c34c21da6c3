package dev.picotool.cli;

import dev.picotool.testing.Deadline;
import dev.picotool.testing.VirtualPico;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A virtual Pico whose main.py counts its own starts in a file, so a test can see from outside that picotool
 * restarted it (its output may be read by whoever holds the port).
 */
final class CountingBoard implements AutoCloseable {
    static final String MAIN = "open('starts', 'a').write('x')\nimport time\nwhile True:\n time.sleep(0.1)\n";

    final VirtualPico pico;

    /** Started, and its main.py running. */
    CountingBoard(Path dir) {
        try {
            Files.createDirectories(dir.resolve("fs"));
            Files.writeString(dir.resolve("fs/main.py"), MAIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pico = VirtualPico.start(dir);
        awaitStarts(1);
    }

    String port() {
        return pico.port();
    }

    Path fs() {
        return pico.fs();
    }

    long starts() {
        try {
            Path f = pico.fs().resolve("starts");
            return Files.exists(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitStarts(long n) {
        Deadline.await(Duration.ofSeconds(30), () -> starts() >= n, () -> "main.py to start " + n + " times, not "
                + starts());
    }

    @Override
    public void close() {
        pico.close();
    }
}
