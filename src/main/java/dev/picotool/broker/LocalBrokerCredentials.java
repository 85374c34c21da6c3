package dev.picotool.broker;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.config.LocalBrokerLogin;
import dev.picotool.config.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The login {@code picotool broker} makes for itself on its first start, so that it is closed by default as
 * Mosquitto 2 is: user {@value #USERNAME} and a random password, kept in a file only its owner can read, in the
 * user's config directory ({@code $XDG_CONFIG_HOME/picotool/}, else {@code ~/.config/picotool/}, as the XDG Base
 * Directory Specification says). The file holds just the password, so {@code --mqtt-password-file} reads it as it
 * is. {@link #find()} lets the commands that talk to a broker on this machine use it without being told.
 */
public final class LocalBrokerCredentials {
    public static final String USERNAME = "picotool";
    static final String FILE_NAME = "broker-password";
    /** 144 random bits: 24 characters of base64url, which any MQTT client and the Pico firmware can carry. */
    private static final int PASSWORD_BYTES = 18;
    private static final int MAX_FILE_BYTES = 1024;

    /** A login; {@code created} is true when this call made it (so the user has not been told about it yet). */
    public record Login(String username, Secret password, Path file, boolean created) {
    }

    private final Path dir;

    /** @param dir picotool's config directory (the file is {@value #FILE_NAME} in it) */
    public LocalBrokerCredentials(Path dir) {
        this.dir = dir;
    }

    /** In the current user's config directory. */
    public static LocalBrokerCredentials standard() {
        return new LocalBrokerCredentials(configDir(System.getenv(), System.getProperty("user.home")));
    }

    /** {@code $XDG_CONFIG_HOME/picotool}, or {@code HOME/.config/picotool}; a relative XDG path is ignored (XDG spec). */
    static Path configDir(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(home, ".config");
        return base.resolve("picotool");
    }

    public Path passwordFile() {
        return dir.resolve(FILE_NAME);
    }

    /** The login made earlier, if there is one. */
    public Optional<Login> find() {
        Path file = passwordFile();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw broken(file, "is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw broken(file, "cannot be read (" + e.getMessage() + ")");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String password = text.lines().findFirst().orElse("").strip();
        if (bytes.length > MAX_FILE_BYTES || password.isEmpty()) {
            throw broken(file, bytes.length > MAX_FILE_BYTES ? "is too long to be a password" : "is empty");
        }
        return Optional.of(new Login(USERNAME, new Secret(password.toCharArray(), "file " + file), file, false));
    }

    /**
     * This login as the settings pick it up ({@link LocalBrokerLogin}): a password file that cannot be read counts as
     * none here; {@code picotool broker} itself says what is wrong with it.
     */
    public LocalBrokerLogin forSettings() {
        return () -> {
            try {
                return find().map(l -> new LocalBrokerLogin.Login(l.username(), l.password(), l.file()));
            } catch (PicoToolException e) {
                return Optional.empty();
            }
        };
    }

    /** The login made earlier, or a new one (written owner-only, created=true). */
    public Login findOrCreate() {
        Optional<Login> existing = find();
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] random = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path file = passwordFile();
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
            // createTempFile makes the file rw------- on POSIX systems: the password is never readable by others.
            Path temp = Files.createTempFile(dir, "." + FILE_NAME, ".tmp");
            try {
                Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
                // A hard link never replaces: two brokers starting at once keep the one password that was first.
                try {
                    Files.createLink(file, temp);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    return find().orElseThrow();
                } catch (UnsupportedOperationException e) {
                    Files.move(temp, file);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | SecurityException e) {
            throw new PicoToolException(ExitCode.INVALID_CONFIG, "cannot keep the broker's password in " + file
                    + " (" + e.getMessage() + ")", "make " + dir + " writable, or give the broker a login with "
                    + "--user NAME --password-file PATH (or run it open with --anonymous)", e);
        }
        Login made = find().orElseThrow();
        return new Login(made.username(), made.password(), file, true);
    }

    private static PicoToolException broken(Path file, String problem) {
        return new PicoToolException(ExitCode.INVALID_CONFIG, "the broker's password file " + file + " " + problem,
                "delete it and start `picotool broker` again to make a new one (then flash the Pico again)");
    }
}
