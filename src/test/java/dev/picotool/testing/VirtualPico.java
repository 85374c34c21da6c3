package dev.picotool.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A peer process on a pty for integration tests: tool/virtual-pico (simulated Pico W) or tool/micropython-repl
 * (the real MicroPython REPL). Started with ProcessBuilder; {@link #port()} is the path from its ready line.
 */
public final class VirtualPico implements AutoCloseable {
    private static final long READY_WITHIN_S = 20;

    private final Process process;
    private final String port;
    private final Path dir;
    private final String name;

    private VirtualPico(String tool, Path dir, List<String> extra) {
        this.dir = dir;
        this.name = tool;
        List<String> cmd = new ArrayList<>(List.of("python3", Repo.tool(tool).toString(), "--link",
                dir.resolve("tty").toString()));
        cmd.addAll(extra);
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(cmd).redirectError(dir.resolve(tool + ".err").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + tool + " (is python3 installed?)", e);
        }
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(ready), tool + "-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            String line = ready.get(READY_WITHIN_S, TimeUnit.SECONDS);
            this.port = line.substring(line.indexOf("ready on ") + "ready on ".length()).trim();
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException(tool + " did not get ready within " + READY_WITHIN_S + " s; stderr: "
                    + stderr(), e);
        }
    }

    /** tool/virtual-pico with its filesystem in {@code dir/fs}. */
    public static VirtualPico start(Path dir, String... args) {
        List<String> extra = new ArrayList<>(List.of("--fs", dir.resolve("fs").toString()));
        extra.addAll(List.of(args));
        return new VirtualPico("virtual-pico", dir, extra);
    }

    /** tool/micropython-repl: real MicroPython v1.27 (no raw-paste, no Ctrl-C during code). */
    public static VirtualPico micropython(Path dir) {
        return new VirtualPico("micropython-repl", dir, List.of());
    }

    private void drain(CompletableFuture<String> ready) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains(": ready on ") && !ready.isDone()) {
                    ready.complete(line);
                }
            }
            ready.completeExceptionally(new IllegalStateException(name + " exited"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    public String port() {
        return port;
    }

    /** The board's flash filesystem as a host directory (virtual-pico only). */
    public Path fs() {
        return dir.resolve("fs");
    }

    public String stderr() {
        try {
            Path err = dir.resolve(name + ".err");
            return Files.exists(err) ? Files.readString(err) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Pulls the plug: SIGKILL, no clean-up (the pty master closes, the host sees EIO). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
