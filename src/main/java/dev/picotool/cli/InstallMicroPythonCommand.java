package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.board.Board;
import dev.picotool.board.Boards;
import dev.picotool.board.DetectedBoard;
import dev.picotool.bootsel.BootselDrive;
import dev.picotool.bootsel.BootselDrives;
import dev.picotool.bootsel.MicroPythonInstaller;
import dev.picotool.bootsel.Uf2File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool install-micropython --uf2 FILE}: MicroPython onto a board in BOOTSEL mode. */
@Command(name = "install-micropython", sortOptions = false, description = "Install MicroPython on a board in "
        + "BOOTSEL mode: check that the .uf2 file is for the board's chip, copy it onto the board's drive, wait for "
        + "the board to come back as a serial port and show what it runs. picotool downloads nothing: get the file "
        + "from micropython.org (the RPI_PICO_W or RPI_PICO2_W build).")
final class InstallMicroPythonCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Option(names = "--uf2", paramLabel = "FILE", description = "The MicroPython .uf2 file for your board.")
    Path uf2;

    @Option(names = "--drive", paramLabel = "DIR", description = "Where the board's BOOTSEL drive (RPI-RP2, RP2350) "
            + "is mounted (default: found by its INFO_UF2.TXT).")
    Path drive;

    @Mixin
    PortOptions port;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60", description = "How long the board may "
            + "take to come back as a serial port (default ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (waitSeconds < 1 || waitSeconds > 600) {
            throw new PicoToolException(ExitCode.USAGE, "--wait " + waitSeconds + " is out of range", "use 1 to 600 "
                    + "seconds");
        }
        Optional<Uf2File> checked = Optional.ofNullable(uf2).map(Uf2File::read); // a bad file needs no board
        BootselDrive target = BootselDrives.system().choose(Optional.ofNullable(drive));
        Uf2File file = checked.orElseThrow(() -> {
            Board b = target.wirelessBoard().orElse(Boards.all().get(0));
            return new PicoToolException(ExitCode.USAGE, "no --uf2 FILE given (picotool downloads nothing by "
                    + "itself)", "download the " + b.micropythonBoard() + " .uf2 for the " + b.name() + " from "
                    + b.firmwareDownload() + ", then: picotool install-micropython --uf2 FILE");
        });
        out.println("found the " + TerminalText.escape(target.describe()));
        MicroPythonInstaller.Result r = new MicroPythonInstaller(root.services().devices(), root.services().timings(),
                Duration.ofSeconds(waitSeconds)).install(file, target, Optional.ofNullable(port.port),
                line -> out.println(TerminalText.escape(line)));
        DetectedBoard b = r.board();
        out.println("installed: MicroPython " + b.version() + " on the " + TerminalText.escape(b.machine())
                + (b.build().isEmpty() ? "" : " (" + TerminalText.escape(b.build()) + ")") + ", board id " + b.boardId()
                + ", port " + TerminalText.escape(r.port()));
        if (!b.hasNetwork()) {
            out.println("warning: this build has no network module, so the firmware cannot run on it; install the "
                    + "RPI_PICO_W (Pico W) or RPI_PICO2_W (Pico 2 W) build");
        }
        out.println("next: wire the sensor (picotool pinout), write the settings (picotool init), then picotool flash");
        return 0;
    }
}
