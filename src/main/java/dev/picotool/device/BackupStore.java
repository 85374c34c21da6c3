package dev.picotool.device;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the files a flash replaces, under {@code <base>/<board-id>/<timestamp>/}. Owner-only (dirs 0700, files
 * 0600): settings.py holds the Wi-Fi password.
 */
public final class BackupStore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path base;
    private final Clock clock;

    public BackupStore(Path base, Clock clock) {
        this.base = base;
        this.clock = clock;
    }

    public BackupStore(Path base) {
        this(base, Clock.systemUTC());
    }

    public static Path defaultBase() {
        return Path.of(System.getProperty("user.home"), ".picotool", "backups");
    }

    /**
     * Fails unless the backups can go where they should: {@code base} is a writable directory, or the nearest part
     * of it that exists is one (the rest is created on the first backup). Checked before the board is touched.
     */
    public void checkWritable() {
        Path dir = base.toAbsolutePath();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw unusable(dir == null ? "no part of it exists" : dir + " is not a directory");
        }
        if (!Files.isWritable(dir) || !Files.isExecutable(dir)) {
            throw unusable("you may not write to " + dir);
        }
    }

    private PicoToolException unusable(String why) {
        return new PicoToolException(ExitCode.USAGE, "cannot keep backups in " + base + ": " + why,
                "choose a directory you can write to for the replaced files (--backup-dir DIR)");
    }

    /** Saves the files (name to content) and returns the directory they went to. */
    public Path save(String boardId, Map<String, byte[]> files) {
        String board = boardId.replaceAll("[^0-9A-Za-z_-]", "_");
        try {
            Path boardDir = ownerOnlyDirs(base.resolve(board));
            Path dir = newDir(boardDir, STAMP.format(clock.instant()));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path target = dir.resolve(Path.of(f.getKey()).getFileName().toString());
                Files.createFile(target, attrs(FILE));
                Files.write(target, f.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw unusable("writing the backup failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ")");
        }
    }

    private static Path newDir(Path parent, String stamp) throws IOException {
        for (int i = 1; ; i++) {
            Path dir = parent.resolve(i == 1 ? stamp : stamp + "-" + i);
            try {
                return Files.createDirectory(dir, attrs(DIR));
            } catch (FileAlreadyExistsException taken) {
                // two flashes within one second: the next suffix
            }
        }
    }

    private static Path ownerOnlyDirs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (dir.getParent() != null) {
                ownerOnlyDirs(dir.getParent());
            }
            try {
                Files.createDirectory(dir, attrs(DIR));
            } catch (FileAlreadyExistsException raced) {
                // created meanwhile
            }
        }
        return dir;
    }

    private static java.nio.file.attribute.FileAttribute<?>[] attrs(Set<PosixFilePermission> perms) {
        boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new java.nio.file.attribute.FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)}
                : new java.nio.file.attribute.FileAttribute<?>[0];
    }
}
