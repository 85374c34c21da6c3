package dev.picotool.device;

import dev.picotool.PicoToolException;
import dev.picotool.board.BoardCheck;
import dev.picotool.board.DetectedBoard;
import dev.picotool.render.DeviceFile;
import dev.picotool.render.FirmwareBundle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Puts a firmware bundle on a board: stop what runs, check what board it is (refused before anything is written
 * when the firmware cannot run there), compare sha256 on the board, back up what will be replaced,
 * write the changed files atomically (main.py last), verify, restart so main.py runs, and watch it boot.
 * Interrupted at any point, the board keeps complete old files (see {@link DeviceFileSystem#write}).
 */
public final class Flasher {
    /**
     * @param backups    where replaced files go; empty = no backups (tests of other behaviour)
     * @param boardCheck what the board found must be before anything is written
     */
    public record Options(boolean force, boolean dryRun, Duration monitor, Optional<BackupStore> backups,
                          BoardCheck boardCheck) {
        public static Options standard() {
            return new Options(false, false, Duration.ofSeconds(8),
                    Optional.of(new BackupStore(BackupStore.defaultBase())), BoardCheck.detect());
        }

        public Options withForce(boolean f) {
            return new Options(f, dryRun, monitor, backups, boardCheck);
        }

        public Options withDryRun(boolean d) {
            return new Options(force, d, monitor, backups, boardCheck);
        }

        public Options withMonitor(Duration m) {
            return new Options(force, dryRun, m, backups, boardCheck);
        }

        public Options withBackups(Optional<BackupStore> b) {
            return new Options(force, dryRun, monitor, b, boardCheck);
        }

        public Options withBoardCheck(BoardCheck c) {
            return new Options(force, dryRun, monitor, backups, c);
        }
    }

    private final RawRepl repl;
    private final DeviceFileSystem fs;
    private final FlashProgress progress;

    public Flasher(RawRepl repl, TransferTuning tuning, FlashProgress progress) {
        this.repl = repl;
        this.fs = new DeviceFileSystem(repl, tuning);
        this.progress = progress;
    }

    public FlashResult flash(FirmwareBundle bundle, Options options) {
        progress.step("stopping the program running on the board");
        repl.enterRaw();
        // A raw-mode soft reset frees the heap and stops timers and IRQ handlers that main.py left running
        // (their output would interleave with our protocol); it does not run main.py.
        repl.softResetRaw();
        DetectedBoard found = BoardQuery.read(repl);
        BoardCheck.Verdict verdict;
        try {
            verdict = options.boardCheck().check(found);
        } catch (PicoToolException refused) {
            restart(); // nothing was written: leave the board running what it ran
            throw refused;
        }
        progress.boardFound(found, verdict);
        String boardId = found.boardId();
        List<String> names = bundle.files().stream().map(DeviceFile::name).toList();
        FlashPlan plan = FlashPlan.of(bundle, fs.sha256(names), options.force());
        progress.planned(plan);
        if (options.dryRun()) {
            restart();
            return new FlashResult(found, verdict, plan, true, Optional.empty(), Optional.empty());
        }
        Optional<Path> backup = Optional.empty();
        if (!plan.nothingToWrite()) {
            Map<String, Long> oldSizes = fs.list("/").stream().filter(e -> !e.directory())
                    .collect(Collectors.toMap(FileEntry::name, FileEntry::size, (a, b) -> a));
            plan.checkFits(fs.freeSpace(), oldSizes);
            fs.removeLeftovers(plan.writes().stream().map(FlashPlan.Step::name).toList());
            backup = backUp(plan, boardId, options.backups());
            for (FlashPlan.Step s : plan.writes()) {
                long total = s.file().size();
                progress.writing(s.name(), 0, total);
                fs.write(s.name(), s.file().content(), done -> progress.writing(s.name(), done, total));
                progress.written(s.name());
            }
            verify(bundle, names);
        }
        restart();
        Optional<BootReport> boot = Optional.empty();
        if (!options.monitor().isZero()) {
            progress.step("watching the board start (up to " + options.monitor().toSeconds() + " s)");
            boot = Optional.of(BootMonitor.watch(repl, options.monitor(), progress::bootLine));
        }
        return new FlashResult(found, verdict, plan, false, backup, boot);
    }

    private Optional<Path> backUp(FlashPlan plan, String boardId, Optional<BackupStore> store) {
        if (store.isEmpty() || plan.replaced().isEmpty()) {
            return Optional.empty();
        }
        progress.step("backing up the files that will be replaced");
        Map<String, byte[]> old = new LinkedHashMap<>();
        for (FlashPlan.Step s : plan.replaced()) {
            old.put(s.name(), fs.read(s.name()));
        }
        Path dir = store.get().save(boardId, old);
        progress.backedUp(dir, List.copyOf(old.keySet()));
        return Optional.of(dir);
    }

    /** Every file of the bundle, written or skipped, must now hash on the board exactly as it does here. */
    private void verify(FirmwareBundle bundle, List<String> names) {
        progress.step("verifying");
        Map<String, Optional<String>> now = fs.sha256(names);
        for (DeviceFile f : bundle.files()) {
            if (!now.get(f.name()).equals(Optional.of(f.sha256()))) {
                throw new DeviceException(f.name() + " on the board does not match after writing it",
                        "flash again; if it keeps happening the board's flash may be worn or damaged");
            }
        }
    }

    private void restart() {
        progress.step("restarting the board so main.py runs");
        repl.restartMain();
    }
}
