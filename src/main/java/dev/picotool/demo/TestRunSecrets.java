package dev.picotool.demo;

import dev.picotool.config.LimitedFile;
import dev.picotool.config.SecretSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The user's secrets, plus a made-up Wi-Fi password when none is set anywhere: a CI job testing its configuration
 * must not need the real Wi-Fi password, and the simulated access point accepts whatever the firmware is given.
 */
public final class TestRunSecrets implements SecretSource {
    static final String WIFI_FALLBACK = "PICOTOOL_WIFI_PASSWORD";

    private final SecretSource user;
    private final String madeUp;
    private boolean usedMadeUp;

    public TestRunSecrets(SecretSource user) {
        this.user = user;
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        this.madeUp = HexFormat.of().formatHex(b);
    }

    /** True when the run uses the made-up Wi-Fi password. */
    public boolean madeUpWifiPassword() {
        return usedMadeUp;
    }

    @Override
    public Optional<String> env(String name) {
        Optional<String> v = user.env(name);
        if (v.isEmpty() && name.equals(WIFI_FALLBACK)) {
            usedMadeUp = true;
            return Optional.of(madeUp);
        }
        return v;
    }

    @Override
    public byte[] readFile(Path file, int limit) throws LimitedFile.Unreadable {
        return user.readFile(file, limit);
    }

    @Override
    public boolean hasConsole() {
        return user.hasConsole();
    }

    @Override
    public Optional<char[]> prompt(String question) {
        return user.prompt(question);
    }
}
