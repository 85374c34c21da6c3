package dev.picotool.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run's scratch directory, owner-only because the virtual Pico's flash holds settings.py with the Wi-Fi password.
 * Named after this process, so that a run killed with SIGKILL (no chance to clean up) is cleaned up by the next
 * run: any {@code picotool-run-<pid>-*} whose process is gone is deleted first.
 */
final class WorkDirectory implements AutoCloseable {
    static final String PREFIX = "picotool-run-";

    private final Path path;

    private WorkDirectory(Path path) {
        this.path = path;
    }

    static WorkDirectory create() {
        return create(Path.of(System.getProperty("java.io.tmpdir")));
    }

    static WorkDirectory create(Path base) {
        removeLeftovers(base);
        try {
            Path dir = Files.createTempDirectory(base, PREFIX + ProcessHandle.current().pid() + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return new WorkDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnsupportedOperationException e) {
            try {
                return new WorkDirectory(Files.createTempDirectory(base, PREFIX + ProcessHandle.current().pid() + "-"));
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
    }

    Path path() {
        return path;
    }

    /** Scratch directories of runs whose process no longer exists. */
    static void removeLeftovers(Path base) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path d : dirs) {
                if (ownerPid(d).map(pid -> ProcessHandle.of(pid).isEmpty()).orElse(false)) {
                    delete(d);
                }
            }
        } catch (IOException | SecurityException e) {
            // Leftovers are only tidied on the way; a run must not fail over them.
        }
    }

    private static Optional<Long> ownerPid(Path dir) {
        String rest = dir.getFileName().toString().substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return dash > 0 ? Optional.of(Long.parseLong(rest.substring(0, dash))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover scratch folder is tidied by the next run
        }
    }

    @Override
    public void close() {
        delete(path);
    }
}
