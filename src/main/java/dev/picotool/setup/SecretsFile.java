package dev.picotool.setup;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The files {@code init} keeps passwords in, one password per file on its first line, as {@code password_file} reads
 * it: readable by the owner only (0600, in a 0700 folder), written whole or not at all (a temporary file, then a
 * rename), so a password never lies in a file others may read, not even for a moment.
 */
public final class SecretsFile {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private SecretsFile() {
    }

    /** "wifi-lab" for the network lab; other names get a short hash too, so two networks never share a file. */
    public static String name(String kind, String label) {
        String slug = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        slug = slug.length() > 32 ? slug.substring(0, 32) : slug;
        boolean exact = slug.equals(label) && !slug.isEmpty(); // SSIDs are case-sensitive: Lab and lab differ
        return kind + (slug.isEmpty() ? "" : "-" + slug) + (exact ? "" : "-" + shortHash(label));
    }

    /** How the YAML names it: {@code ~/...} under the home directory (portable between accounts), else absolute. */
    public static String reference(Path file, Path home) {
        Path f = file.toAbsolutePath().normalize();
        Path h = home.toAbsolutePath().normalize();
        return f.startsWith(h) && !f.equals(h) ? "~/" + h.relativize(f).toString().replace('\\', '/') : f.toString();
    }

    /** Writes {@code password} and a newline to {@code file}, owner-only. */
    public static void write(Path file, byte[] password) {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, posix ? new FileAttribute<?>[] {
                        PosixFilePermissions.asFileAttribute(OWNER_DIR)} : new FileAttribute<?>[0]);
            }
            Path tmp = posix ? Files.createTempFile(dir, ".picotool-", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_FILE)) : Files.createTempFile(dir, ".picotool-", ".tmp");
            try {
                if (!posix) {
                    ownerOnly(tmp);
                }
                byte[] line = new byte[password.length + 1];
                System.arraycopy(password, 0, line, 0, password.length);
                line[password.length] = '\n';
                Files.write(tmp, line);
                java.util.Arrays.fill(line, (byte) 0);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            throw new PicoToolException(ExitCode.USAGE, "cannot write the password file: " + e.getFile()
                    + " is in the way", "move it away or pass --secrets-dir DIR");
        } catch (IOException | SecurityException e) {
            throw new PicoToolException(ExitCode.USAGE, "cannot write the password file in " + dir + " ("
                    + e.getClass().getSimpleName() + ")", "pass --secrets-dir DIR with a folder you may write");
        }
    }

    /** Where there are no POSIX permissions (Windows): readable and writable by the owner only, as far as Java can. */
    private static void ownerOnly(Path p) {
        java.io.File f = p.toFile();
        boolean ok = f.setReadable(false, false) & f.setReadable(true, true) & f.setWritable(false, false)
                & f.setWritable(true, true);
        if (!ok) {
            throw new PicoToolException(ExitCode.USAGE, "cannot make " + p + " readable by you only",
                    "pass --secrets-dir DIR on a drive you own");
        }
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
