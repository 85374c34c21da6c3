package dev.picotool.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a small file the user named (config, password, CA certificate) safely: only regular files (a FIFO would
 * hang, {@code /dev/zero} would never end) and only up to a limit, with a reason a person understands when it fails.
 */
public final class LimitedFile {
    private LimitedFile() {
    }

    /** Why a file could not be read, in words; {@link #of} maps the Java exceptions to these. */
    public static final class Unreadable extends IOException {
        private final String fix;

        public Unreadable(String reason, String fix) {
            super(reason);
            this.fix = fix;
        }

        public String fix() {
            return fix;
        }
    }

    /** The file's bytes, or {@link Unreadable} saying why not (missing, a directory, a device, too big, no access). */
    public static byte[] read(Path file, int limit) throws Unreadable {
        try {
            if (!Files.exists(file)) {
                throw new Unreadable("does not exist", "check the path");
            }
            if (Files.isDirectory(file)) {
                throw new Unreadable("is a directory, not a file", "name the file inside it");
            }
            if (!Files.isRegularFile(file)) {
                throw new Unreadable("is not a regular file (a device, pipe or socket)", "name an ordinary file");
            }
            if (Files.size(file) > limit) {
                throw new Unreadable("is larger than " + limit + " bytes", "name the right file; this one is too big "
                        + "to be what picotool expects");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] b = in.readNBytes(limit + 1);
                if (b.length > limit) {
                    throw new Unreadable("is larger than " + limit + " bytes", "name the right file");
                }
                return b;
            }
        } catch (Unreadable e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new Unreadable("cannot be read: permission denied", "make it readable by you (chmod 600, owned "
                    + "by you)");
        } catch (NoSuchFileException e) {
            throw new Unreadable("does not exist", "check the path");
        } catch (IOException | SecurityException e) {
            throw new Unreadable("cannot be read (" + e.getClass().getSimpleName() + ")", "check the path and that "
                    + "you may read it");
        }
    }
}
