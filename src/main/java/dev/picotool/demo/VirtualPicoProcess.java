package dev.picotool.demo;

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
        return new VirtualPicoProcess(ToolProcess.start(cmd, Map.of(PASSWORD_VARIABLE, password),
                ProcessBuilder.Redirect.DISCARD, readyWithin));
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
