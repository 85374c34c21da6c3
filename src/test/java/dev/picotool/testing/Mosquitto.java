package dev.picotool.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto on a free 127.0.0.1 port with a generated config: anonymous, with a password file (made by
 * mosquitto_passwd -b), or TLS with certificates from {@link TestCerts}. Missing mosquitto fails the test on purpose:
 * tool/test installs it, and a skipped broker test proves nothing.
 */
public final class Mosquitto implements TestBroker {
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");
    private static final Duration START_LIMIT = Duration.ofSeconds(10);

    private final Path dir;
    private final Path conf;
    private final Path log;
    private final int port;
    private Process process;

    private Mosquitto(Path dir, List<String> extraConfig) {
        requireInstalled();
        this.dir = dir;
        this.port = Ports.free();
        this.conf = dir.resolve("mosquitto-" + port + ".conf");
        this.log = dir.resolve("mosquitto-" + port + ".log");
        List<String> lines = new ArrayList<>(List.of("listener " + port + " 127.0.0.1", "persistence false",
                "log_dest stderr", "log_type error", "log_type warning",
                // As root mosquitto would switch to user 'mosquitto', who cannot read files in a @TempDir.
                "user " + System.getProperty("user.name")));
        lines.addAll(extraConfig);
        try {
            Files.write(conf, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public static Mosquitto anonymous(Path dir) {
        return new Mosquitto(dir, List.of("allow_anonymous true"));
    }

    /** Only this user may connect. */
    public static Mosquitto withPassword(Path dir, String user, String password) {
        requireInstalled();
        Path passwords = dir.resolve("passwords-" + System.nanoTime());
        run(List.of(PASSWD.toString(), "-c", "-b", passwords.toString(), user, password));
        return new Mosquitto(dir, List.of("allow_anonymous false", "password_file " + passwords));
    }

    /** TLS only, presenting {@code serverCert} (signed by the certs' CA). */
    public static Mosquitto withTls(Path dir, TestCerts certs, TestCerts.Pair serverCert) {
        return new Mosquitto(dir, List.of("allow_anonymous true", "cafile " + certs.caFile(),
                "certfile " + serverCert.cert(), "keyfile " + serverCert.key()));
    }

    static void requireInstalled() {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(PASSWD)) {
            throw new IllegalStateException("mosquitto is not installed (" + BINARY + "): run `apt-get install -y "
                    + "mosquitto mosquitto-clients` (tool/test does this)");
        }
    }

    private void start() {
        try {
            process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Deadline.await(START_LIMIT, () -> Ports.accepts(port) || !process.isAlive(),
                () -> "mosquitto to listen on " + port);
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": " + logText());
        }
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public int port() {
        return port;
    }

    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        stop();
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "mosquitto on " + address() + " (" + dir + ")";
    }

    /** For {@link TestCerts}: runs a tool and fails with its output. */
    static void exec(List<String> command) {
        run(command);
    }
}
