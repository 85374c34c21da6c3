package dev.picotool.demo;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A running tool/virtual-pico: a simulated Pico W on a pseudo-terminal. The Wi-Fi password of its simulated
 * access point travels in an environment variable, never in the process arguments.
 */
public final class VirtualPicoProcess implements AutoCloseable {
    private static final String READY = "virtual-pico: ready on ";
    private static final String PASSWORD_VARIABLE = "PICOTOOL_VPICO_WIFI_PASSWORD";

    private final Process process;
    private final String port;

    private VirtualPicoProcess(Process process, String port) {
        this.process = process;
        this.port = port;
    }

    /** Options of the simulated board beyond the port, filesystem and access point, e.g. "--dht22-absent". */
    public static VirtualPicoProcess start(Path toolDir, Path link, Path fs, String ssid, String password,
                                           Duration readyWithin, List<String> extraArgs) {
        List<String> cmd = new ArrayList<>(List.of("python3", toolDir.resolve("virtual-pico").toString(),
                "--link", link.toString(), "--fs", fs.toString(), "--wifi-ssid", ssid,
                "--wifi-password-env", PASSWORD_VARIABLE));
        cmd.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put(PASSWORD_VARIABLE, password);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new PicoToolException(ExitCode.INTERNAL, "cannot start the virtual Pico: " + e.getMessage(),
                    "python3 must be installed (apt-get install python3)");
        }
        BlockingQueue<String> ready = new ArrayBlockingQueue<>(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith(READY)) {
                        ready.offer(line.substring(READY.length()).trim());
                    }
                }
            } catch (IOException e) {
                // The process ended; start() reports that below.
            }
        }, "virtual-pico-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            String port = ready.poll(readyWithin.toMillis(), TimeUnit.MILLISECONDS);
            if (port == null) {
                p.destroyForcibly();
                throw new PicoToolException(ExitCode.INTERNAL, "the virtual Pico did not become ready within "
                        + readyWithin.toSeconds() + " s", "run tool/virtual-pico --verbose by hand to see why");
            }
            return new VirtualPicoProcess(p, port);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PicoToolException(ExitCode.INTERNAL, "interrupted while starting the virtual Pico", "");
        }
    }

    /** The serial port path to open, as printed by the virtual Pico. */
    public String port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
