package dev.picotool.render;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes device files locally, readable by the owner only from the first byte (settings.py holds the Wi-Fi
 * password): each file is created 0600 under a temporary name and renamed into place.
 */
public final class OutputDirectory {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private OutputDirectory() {
    }

    /**
     * Writes {@code target} under a temporary name beside it, created with {@code permissions} from the first byte,
     * then renames it into place: a reader sees the old file or the new one, never half of it.
     */
    public static void writeAtomically(Path target, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(permissions));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("could not create " + tmp, e);
        }
        try {
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static Path write(Path dir, DeviceFile file) {
        try {
            if (!Files.isDirectory(dir)) {
                try {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                } catch (UnsupportedOperationException e) {
                    Files.createDirectories(dir);
                }
            }
            Path target = dir.resolve(file.name());
            writeAtomically(target, file.content(), OWNER_FILE);
            return target;
        } catch (IOException e) {
            throw new PicoToolException(ExitCode.INVALID_CONFIG, "cannot write " + dir.resolve(file.name()) + ": "
                    + e.getMessage(), "check that " + dir + " is a writable directory");
        }
    }
}
