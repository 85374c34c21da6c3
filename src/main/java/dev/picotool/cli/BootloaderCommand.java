package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.board.Board;
import dev.picotool.board.Boards;
import dev.picotool.board.DetectedBoard;
import dev.picotool.bootsel.BootselDrive;
import dev.picotool.bootsel.BootselDrives;
import dev.picotool.device.BoardProbe;
import dev.picotool.device.RawRepl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool bootloader}: a board running MicroPython to BOOTSEL mode, without pressing the button. */
@Command(name = "bootloader", description = "Put a board running MicroPython into BOOTSEL mode over the REPL "
        + "(machine.bootloader()), so a new MicroPython can be installed without holding the BOOTSEL button.")
final class BootloaderCommand implements Callable<Integer> {
    private static final Duration GONE_WITHIN = Duration.ofSeconds(10);
    private static final Duration DRIVE_WITHIN = Duration.ofSeconds(10);

    @ParentCommand
    PicoTool root;

    @Mixin
    PortOptions port;

    @Option(names = "--drive", paramLabel = "DIR", description = "Where the BOOTSEL drive will be mounted, to "
            + "report it (default: looked for where drives are mounted).")
    Path drive;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Services s = root.services();
        PrintWriter out = spec.commandLine().getOut();
        String path = port.resolve(s.devices());
        DetectedBoard found;
        try (RawRepl repl = s.devices().connect(path, s.timings())) {
            repl.enterRaw();
            found = BoardProbe.identify(repl);
            out.println("the board on " + TerminalText.escape(path) + ": " + TerminalText.escape(found.summary()));
            BoardProbe.bootloader(repl, GONE_WITHIN);
        }
        Optional<Board> board = Boards.identify(found.build(), found.machine());
        String driveName = board.map(Board::bootselDrive).orElse(Boards.bootselDrives());
        out.println("the board left for BOOTSEL mode: its serial port is gone and a USB drive named " + driveName
                + " appears");
        Optional<BootselDrive> mounted = awaitDrive();
        mounted.ifPresent(d -> out.println("found the " + TerminalText.escape(d.describe())));
        String download = board.filter(Board::wireless).or(() -> Boards.wirelessWith(Boards.mcuOf(found.machine())))
                .map(b -> b.micropythonBoard() + " .uf2 from " + b.firmwareDownload()).orElse("MicroPython .uf2 for "
                        + "your board from https://micropython.org/download/");
        out.println("next: picotool install-micropython --uf2 FILE" + mounted.map(d -> " --drive "
                + TerminalText.escape(d.root().toString())).orElse("") + "   (get the " + download + ")");
        return 0;
    }

    /** Drives show up a moment after the port goes (the OS mounts them); not finding one is not a failure. */
    private Optional<BootselDrive> awaitDrive() {
        BootselDrives drives = BootselDrives.system();
        long end = System.nanoTime() + DRIVE_WITHIN.toNanos();
        while (System.nanoTime() - end < 0) {
            List<BootselDrive> found = drive != null ? BootselDrive.at(drive).stream().toList() : drives.find();
            if (found.size() == 1) {
                return Optional.of(found.get(0));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
