package dev.picotool.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * tool/virtual-pico started with {@code --bootsel DIR}: a board in BOOTSEL mode, whose drive is {@link #drive()} and
 * whose serial port appears at {@link #link()} once a UF2 for its chip lands on the drive.
 */
public final class BootselPico implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private BootselPico(Path dir, List<String> extra) {
        this.dir = dir;
        List<String> cmd = new ArrayList<>(List.of("python3", Repo.tool("virtual-pico").toString(), "--link",
                link().toString(), "--fs", dir.resolve("fs").toString(), "--bootsel", drive().toString()));
        cmd.addAll(extra);
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(cmd).redirectError(dir.resolve("virtual-pico.err").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "bootsel-pico-stdout");
        reader.setDaemon(true);
        reader.start();
        awaitLine("BOOTSEL drive at", Duration.ofSeconds(20));
    }

    public static BootselPico start(Path dir, String... args) {
        return new BootselPico(dir, List.of(args));
    }

    public Path drive() {
        return dir.resolve("RPI-RP2");
    }

    public Path link() {
        return dir.resolve("tty");
    }

    public Path fs() {
        return dir.resolve("fs");
    }

    /** The next stdout line containing {@code text} (earlier ones are consumed). */
    public String awaitLine(String text, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                String line = lines.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("virtual-pico printed no line with '" + text + "' within " + within
                            + "; stderr: " + stderr());
                }
                if (line.contains(text)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    public String stderr() {
        try {
            return Files.readString(dir.resolve("virtual-pico.err"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
