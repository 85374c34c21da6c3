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
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes device files locally, readable by the owner only from the first byte (settings.py holds the Wi-Fi
 * password): each file is created 0600 under a temporary name and renamed into place, and a render replaces the
 * whole directory at once.
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

    /**
     * Writes the whole bundle into {@code dir}, all or nothing: the files go to a fresh owner-only directory beside
     * it, which then takes {@code dir}'s place, so no file of an earlier render survives (DHT22.py after switching
     * to no sensor) and a failure half-way leaves the old directory as it was. A non-empty directory picotool did not
     * write is refused rather than replaced.
     *
     * @return the files written, in the bundle's order
     */
    public static List<Path> write(Path dir, FirmwareBundle bundle) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw refused(dir, "is the root directory", "name a directory to create, e.g. --out firmware-out");
        }
        checkReplaceable(target);
        Path fresh = null;
        try {
            fresh = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-", dirAttribute());
            for (DeviceFile f : bundle.files()) {
                writeAtomically(fresh.resolve(f.name()), f.content(), OWNER_FILE);
            }
            writeAtomically(fresh.resolve(MARKER), String.join("\n", bundle.files().stream().map(DeviceFile::name)
                    .toList()).getBytes(java.nio.charset.StandardCharsets.UTF_8), OWNER_FILE);
            swap(fresh, target);
            fresh = null;
        } catch (IOException | SecurityException e) {
            throw refused(dir, "cannot be written (" + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()) + ")", "choose a directory you may write in, e.g. --out firmware-out");
        } finally {
            if (fresh != null) {
                deleteTree(fresh);
            }
        }
        return bundle.files().stream().map(f -> target.resolve(f.name())).toList();
    }

    /** Written into every rendered directory, so a later render knows it may replace it. */
    static final String MARKER = ".picotool-render";

    private static void checkReplaceable(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw refused(target, "is a file, not a directory", "name a directory (it is created when missing)");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent() && !Files.isRegularFile(target.resolve(MARKER))) {
                throw refused(target, "holds files picotool did not write", "choose a new or empty directory; "
                        + "picotool replaces only a directory it rendered itself");
            }
        } catch (IOException e) {
            throw refused(target, "cannot be read", "choose a directory you may read and write");
        }
    }

    /** Puts {@code fresh} where {@code target} is: two renames; the old one is deleted after the new one is in place. */
    private static void swap(Path fresh, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    private static java.nio.file.attribute.FileAttribute<?>[] dirAttribute() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new java.nio.file.attribute.FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIR)}
                : new java.nio.file.attribute.FileAttribute<?>[0];
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // a leftover hidden folder beside the output is harmless
        }
    }

    private static PicoToolException refused(Path dir, String problem, String fix) {
        return new PicoToolException(ExitCode.INVALID_CONFIG, "--out " + dir + " " + problem, fix);
    }
}
