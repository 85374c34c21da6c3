package dev.picotool.demo;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A helper program from tool/ (virtual Pico, MicroPython REPL bridge) that announces itself with one line
 * {@code <name>: ready on <endpoint>} once its port can be opened; stopped with SIGTERM, or SIGKILL to "pull the
 * plug".
 */
public final class ToolProcess implements AutoCloseable {
    private static final String READY = ": ready on ";

    private final Process process;
    private final List<String> endpoints;

    private ToolProcess(Process process, List<String> endpoints) {
        this.process = process;
        this.endpoints = endpoints;
    }

    /** Starts the command and waits for its ready line; {@code env} is how secrets reach it (never arguments). */
    public static ToolProcess start(List<String> command, Map<String, String> env, ProcessBuilder.Redirect stderr,
                                    Duration readyWithin) {
        return start(command, env, stderr, readyWithin, 1);
    }

    /** The same, for a program that serves several endpoints (e.g. a pty and --tcp) and prints a line for each. */
    public static ToolProcess start(List<String> command, Map<String, String> env, ProcessBuilder.Redirect stderr,
                                    Duration readyWithin, int endpointCount) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new PicoToolException(ExitCode.INTERNAL, "cannot start " + command.get(1) + ": " + e.getMessage(),
                    "python3 must be installed (apt-get install python3)");
        }
        CompletableFuture<List<String>> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(p, endpointCount, ready), "tool-process-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ToolProcess(p, ready.get(readyWithin.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PicoToolException(ExitCode.INTERNAL, "interrupted while starting " + command.get(1), "");
        } catch (java.util.concurrent.ExecutionException e) {
            p.destroyForcibly();
            waitFor(p);
            throw new PicoToolException(ExitCode.INTERNAL, command.get(1) + " exited (code " + p.exitValue()
                    + ") before it was ready", "run it by hand with --verbose to see why");
        } catch (java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new PicoToolException(ExitCode.INTERNAL, command.get(1) + " did not become ready within "
                    + readyWithin.toSeconds() + " s", "run it by hand with --verbose to see why");
        }
    }

    private static void drain(Process p, int endpointCount, CompletableFuture<List<String>> ready) {
        List<String> endpoints = new java.util.ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.contains(READY) && !ready.isDone()) {
                    endpoints.add(line.substring(line.indexOf(READY) + READY.length()).trim());
                    if (endpoints.size() == endpointCount) {
                        ready.complete(List.copyOf(endpoints));
                    }
                }
            }
            ready.completeExceptionally(new IllegalStateException("exited before it was ready"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    /** Where to connect, as the program printed it first: a path or socket://host:port. */
    public String endpoint() {
        return endpoints.get(0);
    }

    /** Every endpoint, in the order the program announced them. */
    public List<String> endpoints() {
        return endpoints;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, no clean-up: for a board it is like pulling the USB cable. */
    public void kill() {
        process.destroyForcibly();
        waitQuietly();
    }

    @Override
    public void close() {
        process.destroy();
        waitQuietly();
        if (process.isAlive()) {
            process.destroyForcibly();
            waitQuietly();
        }
    }

    private static void waitFor(Process p) {
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitQuietly() {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
