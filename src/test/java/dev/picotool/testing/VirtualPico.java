package dev.picotool.testing;

import dev.picotool.PicoToolException;
import dev.picotool.demo.ToolProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A peer process on a pty for integration tests: tool/virtual-pico (simulated Pico W) or tool/micropython-repl
 * (the real MicroPython REPL). Started with ProcessBuilder; {@link #port()} is the path from its ready line.
 */
public final class VirtualPico implements BoardPeer {
    private static final Duration READY_WITHIN = Duration.ofSeconds(20);

    private final ToolProcess process;
    private final Path dir;
    private final String name;

    private VirtualPico(String tool, Path dir, List<String> extra) {
        this(tool, dir, extra, 1);
    }

    private VirtualPico(String tool, Path dir, List<String> extra, int endpointCount) {
        this.dir = dir;
        this.name = tool;
        List<String> cmd = new ArrayList<>(List.of("python3", Repo.tool(tool).toString(), "--link",
                dir.resolve("tty").toString()));
        cmd.addAll(extra);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            process = ToolProcess.start(cmd, Map.of(), ProcessBuilder.Redirect.to(dir.resolve(tool + ".err")
                    .toFile()), READY_WITHIN, endpointCount);
        } catch (PicoToolException e) {
            throw new IllegalStateException(e.getMessage() + "; stderr: " + stderr(), e);
        }
    }

    /** tool/virtual-pico with its filesystem in {@code dir/fs}. */
    public static VirtualPico start(Path dir, String... args) {
        List<String> extra = new ArrayList<>(List.of("--fs", dir.resolve("fs").toString()));
        extra.addAll(List.of(args));
        return new VirtualPico("virtual-pico", dir, extra);
    }

    /** tool/virtual-pico serving its port on a pty and on a free loopback TCP port (see {@link #tcpPort()}). */
    public static VirtualPico withTcp(Path dir) {
        return new VirtualPico("virtual-pico", dir, List.of("--fs", dir.resolve("fs").toString(), "--tcp", "0"), 2);
    }

    /** The socket://127.0.0.1:PORT endpoint, when started {@link #withTcp}. */
    public String tcpPort() {
        return process.endpoints().stream().filter(e -> e.startsWith("socket://")).findFirst().orElseThrow();
    }

    /** tool/micropython-repl: real MicroPython v1.27 (no raw-paste, no Ctrl-C during code). */
    public static VirtualPico micropython(Path dir) {
        return new VirtualPico("micropython-repl", dir, List.of());
    }

    @Override
    public String port() {
        return process.endpoint();
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
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
