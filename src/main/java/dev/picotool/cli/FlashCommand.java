package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.board.BoardCheck;
import dev.picotool.board.BoardId;
import dev.picotool.board.Boards;
import dev.picotool.config.PicoConfig;
import dev.picotool.board.Pin;
import dev.picotool.config.SensorSettings;
import dev.picotool.config.SensorType;
import dev.picotool.device.BackupStore;
import dev.picotool.device.BootReport;
import dev.picotool.device.Cancellation;
import dev.picotool.device.FlashResult;
import dev.picotool.device.Flasher;
import dev.picotool.device.RawRepl;
import dev.picotool.device.TransferTuning;
import dev.picotool.render.FirmwareBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool flash}: render the firmware and put it on the board, then watch it start. */
@Command(name = "flash", description = "Render the firmware, write the changed files to the board (old ones are "
        + "backed up), restart it and watch it connect.")
final class FlashCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Mixin
    SettingsOptions settings;

    @Mixin
    PortOptions port;

    @Option(names = "--force", description = "Write every file, even those the board already has.")
    boolean force;

    @Option(names = "--dry-run", description = "Show what would be written or skipped, write nothing.")
    boolean dryRun;

    @Option(names = "--monitor", paramLabel = "SECONDS", defaultValue = "8",
            description = "Watch the board's output after the restart for up to SECONDS (0 = don't; default 8).")
    int monitorSeconds;

    @Option(names = "--board", paramLabel = "BOARD", description = "Use this board's data (pico_w, pico2_w) instead "
            + "of the board the REPL reports.")
    String board;

    @Option(names = "--backup-dir", paramLabel = "DIR", description = "Where replaced files are kept "
            + "(default ~/.picotool/backups).")
    Path backupDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (monitorSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--monitor must be 0 (do not watch) or "
                    + "more seconds, not " + monitorSeconds);
        }
        Services s = root.services();
        Optional<BoardId> override = Optional.ofNullable(board).map(BoardId::parse);
        // Every value is checked before the board is touched: a mistake never leaves it stopped.
        BackupStore backups = new BackupStore(backupDir != null ? backupDir : BackupStore.defaultBase());
        if (!dryRun) {
            backups.checkWritable();
        }
        // With --board the settings are checked against that board's facts (pins, longest watchdog timeout).
        PicoConfig config = settings.load(override.map(b -> s.validator().forBoard(Boards.get(b)))
                .orElse(s.validator()), s.configFiles());
        FirmwareBundle bundle = s.renderer().render(config);
        PrintWriter out = spec.commandLine().getOut();
        config.warnings().forEach(w -> out.println("warning: " + TerminalText.escape(w)));
        LocalLogin.say(config, out);
        String path = port.resolve(s.devices());
        Flasher.Options options = Flasher.Options.standard().withForce(force).withDryRun(dryRun)
                .withMonitor(Duration.ofSeconds(monitorSeconds)).withBackups(Optional.of(backups))
                .withBoardCheck(BoardCheck.detect().withBoard(override).withSensorPin(
                        config.get(SensorSettings.TYPE) == SensorType.NONE ? Optional.empty()
                                : config.find(SensorSettings.PIN).map(Pin::name)));
        long start = System.nanoTime();
        FlashResult result;
        Cancellation cancellation = new Cancellation();
        try (Interrupts.Guard guard = root.interrupts().guard(cancellation, spec.commandLine().getErr())) {
            out.println("flashing " + bundle.files().size() + " files to the board on " + path);
            try (RawRepl repl = s.devices().connect(path, s.timings())) {
                repl.watch(cancellation);
                result = new Flasher(repl, TransferTuning.standard(), new ConsoleProgress(out,
                        System.console() != null)).flash(bundle, options);
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (result.dryRun()) {
            out.printf("dry run: would write %d files (%d bytes); nothing was changed%n",
                    result.plan().writes().size(), result.plan().bytesToWrite());
            return 0;
        }
        out.printf("board %s: wrote %d files (%d bytes), skipped %d unchanged, in %.1f s%n", result.boardId(),
                result.plan().writes().size(), result.plan().bytesToWrite(),
                result.plan().steps().size() - result.plan().writes().size(), secs);
        return result.boot().map(b -> verdict(b, out)).orElse(0);
    }

    /** Exit 0 when the firmware connected or gave no verdict; the firmware's own FAILED line as an error. */
    static int verdict(BootReport boot, PrintWriter out) {
        switch (boot.status()) {
            case CONNECTED -> {
                out.println("the firmware is running: connected to Wi-Fi and the MQTT broker");
                return 0;
            }
            case NO_VERDICT -> {
                out.println("the firmware is running but did not report Wi-Fi and MQTT yet; watch it with "
                        + "`picotool monitor`");
                return 0;
            }
            case FAILED -> {
                String line = boot.failure().orElse("");
                int fix = line.indexOf("Fix:");
                String hint = fix >= 0 ? line.substring(fix + 4).trim() : "check the settings and flash again";
                ExitCode code = line.startsWith("[mqtt]") ? ExitCode.BROKER : ExitCode.DEVICE;
                throw new PicoToolException(code, "the firmware started but reported: "
                        + (fix >= 0 ? line.substring(0, fix).trim() : line), hint);
            }
            default -> throw new PicoToolException(ExitCode.DEVICE, "main.py stopped right after starting"
                    + boot.failure().map(f -> ": " + f).orElse(""), "the lines above show the board's traceback; "
                    + "check the settings (and the sensor wiring), then flash again");
        }
    }
}
