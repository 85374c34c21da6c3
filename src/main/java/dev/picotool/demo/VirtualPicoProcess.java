package dev.picotool.demo;

import dev.picotool.PicoToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A running tool/virtual-pico: a simulated Pico W on a pseudo-terminal. The Wi-Fi password of its simulated
 * access point travels in an environment variable, never in the process arguments.
 */
public final class VirtualPicoProcess implements AutoCloseable {
    private static final String PASSWORD_VARIABLE = "PICOTOOL_VPICO_WIFI_PASSWORD";

    private final ToolProcess process;

    private VirtualPicoProcess(ToolProcess process) {
        this.process = process;
    }

    /** Options of the simulated board beyond the port, filesystem and access point, e.g. "--dht22-absent". */
    public static VirtualPicoProcess start(Path toolDir, Path link, Path fs, String ssid, String password,
                                           Duration readyWithin, List<String> extraArgs) {
        List<String> cmd = new ArrayList<>(List.of("python3", toolDir.resolve("virtual-pico").toString(),
                "--link", link.toString(), "--fs", fs.toString(), "--wifi-ssid", ssid,
                "--wifi-password-env", PASSWORD_VARIABLE));
        cmd.addAll(extraArgs);
        // Its diagnostics go to a log beside its flash; when it cannot start, the last lines say why.
        Path log = fs.resolveSibling("virtual-pico.log");
        try {
            return new VirtualPicoProcess(ToolProcess.start(cmd, Map.of(PASSWORD_VARIABLE, password),
                    ProcessBuilder.Redirect.to(log.toFile()), readyWithin));
        } catch (PicoToolException e) {
            throw new PicoToolException(e.exitCode(), e.getMessage() + tail(log), e.hint(), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "" : ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3),
                    lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The serial port path to open, as printed by the virtual Pico. */
    public String port() {
        return process.endpoint();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }
}
