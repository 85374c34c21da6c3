package dev.picotool.bootsel;

import dev.picotool.board.DetectedBoard;
import dev.picotool.device.BoardProbe;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.DeviceException;
import dev.picotool.device.PortFinder;
import dev.picotool.device.PortInfo;
import dev.picotool.device.PortSelector;
import dev.picotool.device.RawRepl;
import dev.picotool.device.ReplTimings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Installs MicroPython on a board in BOOTSEL mode: copies a checked UF2 onto its drive, waits for the board to come
 * back as a serial port (the bootrom reboots it once every block has arrived), and asks it what it runs.
 */
public final class MicroPythonInstaller {
    /** The name the file gets on the drive; the bootrom ignores names, a fixed one avoids FAT trouble. */
    static final String TARGET_NAME = "MICROPY.UF2";
    private static final Duration POLL = Duration.ofMillis(200);

    /** What was installed and where the board is now. */
    public record Result(String port, DetectedBoard board) {
    }

    private final DeviceAccess devices;
    private final ReplTimings timings;
    private final Duration comeBackWithin;

    public MicroPythonInstaller(DeviceAccess devices, ReplTimings timings, Duration comeBackWithin) {
        this.devices = devices;
        this.timings = timings;
        this.comeBackWithin = comeBackWithin;
    }

    /**
     * {@code port}: where the board will appear (as {@code --port} takes it; {@code PICOTOOL_PORT} when empty), or
     * "auto"/nothing for the MicroPython USB port that was not there before the copy.
     */
    public Result install(Uf2File uf2, BootselDrive drive, Optional<String> port, Consumer<String> progress) {
        drive.check(uf2);
        Set<String> before = micropythonPorts();
        progress.accept("copying " + uf2.path().getFileName() + " (" + uf2.describe() + ") onto the "
                + drive.describe());
        copy(uf2.path(), drive.root().resolve(TARGET_NAME));
        progress.accept("waiting for the board to restart with MicroPython (up to " + comeBackWithin.toSeconds()
                + " s)");
        long end = System.nanoTime() + comeBackWithin.toNanos();
        DeviceException last = null;
        while (System.nanoTime() - end < 0) {
            try {
                Optional<String> path = named(port) ? Optional.of(devices.resolve(port.orElse(null)))
                        : newPort(before);
                if (path.isPresent()) {
                    try (RawRepl repl = devices.connect(path.get(), timings)) {
                        repl.enterRaw();
                        DetectedBoard board = BoardProbe.identify(repl);
                        repl.restartMain();
                        return new Result(path.get(), board);
                    }
                }
            } catch (DeviceException e) {
                last = e; // the port is there before it can be opened (udev, ModemManager): try again
            }
            pause();
        }
        throw new DeviceException("the board did not come back as a serial port within " + comeBackWithin.toSeconds()
                + " s after the copy" + (last == null ? "" : " (" + last.getMessage() + ")"), "if the "
                + drive.boardId() + " drive is still there, the bootrom did not take the file: copy it again or try "
                + "another USB cable or port. If the drive is gone, run `picotool ports` to see whether a port came, "
                + "and pass it with --port");
    }

    private boolean named(Optional<String> port) {
        String spec = port.filter(p -> !p.isBlank()).orElse(devices.environment().getOrDefault(PortSelector.ENV, ""));
        return !spec.isBlank() && !spec.strip().equalsIgnoreCase(PortFinder.AUTO);
    }

    private Set<String> micropythonPorts() {
        try {
            return devices.ports().stream().filter(PortInfo::isMicroPythonPico).map(PortInfo::path)
                    .collect(Collectors.toSet());
        } catch (DeviceException e) {
            return Set.of();
        }
    }

    private Optional<String> newPort(Set<String> before) {
        List<String> now = micropythonPorts().stream().filter(p -> !before.contains(p)).sorted().toList();
        return now.isEmpty() ? Optional.empty() : Optional.of(now.get(0));
    }

    /**
     * Writes the file and forces it to the device: the bootrom flashes blocks as they arrive and reboots after the
     * last one, so the drive may vanish while the OS still thinks it is writing. Once every byte went out, an error
     * from that is the reboot, not a failure; the serial port coming back decides.
     */
    static void copy(Path from, Path to) {
        byte[] data;
        try {
            data = Files.readAllBytes(from);
        } catch (IOException e) {
            throw new DeviceException("cannot read " + from + " again: " + e.getMessage(), "check the file");
        }
        int written = 0;
        try (FileChannel ch = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                written += ch.write(buf);
            }
            ch.force(true);
        } catch (IOException e) {
            if (written < data.length) {
                throw new DeviceException("copying onto the drive failed after " + written + " of " + data.length
                        + " bytes: " + e.getMessage(), "the board may have been unplugged: put it in BOOTSEL mode "
                        + "again and retry");
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted while waiting for the board", "");
        }
    }
}
