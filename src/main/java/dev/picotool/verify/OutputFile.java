package dev.picotool.verify;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.TerminalText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written for the user (a report, a recording). Checked before anything else happens, by creating its
 * temporary file next to it (so /proc, a read-only disk or a missing directory fail up front, with exit 2), and
 * put in place by one rename at the end: the target holds the old content or the new, never half of it. Parent
 * directories are never created: a typo in the path must not quietly make a directory tree.
 */
public final class OutputFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final String option;
    private boolean committed;

    private OutputFile(Path target, Path temp, String option) {
        this.target = target;
        this.temp = temp;
        this.option = option;
    }

    /** @param option how the user named it, for messages, e.g. "--report junit" */
    public static OutputFile prepare(Path file, String option) {
        Path target = file.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || target.getFileName() == null) {
            throw bad(option, file, "is not a file name", "give a file, e.g. " + option + " verify-result.txt");
        }
        if (Files.isDirectory(target)) {
            throw bad(option, file, "is a directory", "name a file in it, e.g. " + option + " "
                    + file.resolve("verify-result"));
        }
        if (!Files.isDirectory(parent)) {
            throw bad(option, file, "cannot be written: the directory " + parent + " does not exist",
                    "create it first (mkdir -p " + parent + "), or choose another path");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target)) {
            throw bad(option, file, "exists and is not a regular file", "choose a new file name");
        }
        try {
            Path temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".partial");
            return new OutputFile(target, temp, option);
        } catch (IOException | SecurityException e) {
            throw bad(option, file, "cannot be written: cannot create a file in " + parent + " (" + reason(e) + ")",
                    "choose a directory you may write to");
        }
    }

    public Path target() {
        return target;
    }

    /** A writer on the temporary file; what it writes appears at {@link #target()} on {@link #commit()}. */
    BufferedWriter writer() throws IOException {
        return Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
    }

    /** Writes all of {@code text} and puts it in place. */
    public void write(String text) {
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failed(e);
        }
        commit();
    }

    /** Renames the temporary file onto the target (atomically where the file system can). */
    public void commit() {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Removes the temporary file unless it was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // A leftover ".partial" file next to the target is the worst case; it says what it is.
            }
        }
    }

    PicoToolException failed(IOException e) {
        return new PicoToolException(ExitCode.INVALID_CONFIG, option + " " + shown(target) + ": writing failed ("
                + reason(e) + ")", "check free space and permissions there", e);
    }

    private static PicoToolException bad(String option, Path file, String problem, String hint) {
        return new PicoToolException(ExitCode.USAGE, option + " " + shown(file) + ": " + problem, hint);
    }

    private static String shown(Path p) {
        return TerminalText.escape(p.toString());
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
