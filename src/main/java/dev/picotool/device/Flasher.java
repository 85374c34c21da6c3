package dev.picotool.device;

import dev.picotool.board.BoardCheck;
import dev.picotool.board.Boards;
import dev.picotool.board.DetectedBoard;
import dev.picotool.board.Watchdog;
import dev.picotool.render.DeviceFile;
import dev.picotool.render.FirmwareBundle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a firmware bundle on a board, all or nothing (the guarantee is in package-info): take the board over (stop
 * its program and its watchdog), check what board it is (refused before anything is written when the firmware cannot
 * run there), complete or clean up an earlier interrupted update, compare sha256 on the board,
 * back up what will be replaced, stage the changed files, verify them, switch them in one step, restart so main.py
 * runs, and watch it boot. On a failure while the board still answers it completes or removes what this flash left
 * and restarts main.py; on Ctrl-C/SIGTERM (the session's {@link Cancellation}) it stops at the next safe point.
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

    private static final String OLD_KEPT = "nothing was changed: the board keeps its old firmware";
    private static final String NEW_INSTALLED = "the new firmware is installed";
    /** What picoboot's recover() answers for a journal it could not read (and dropped). */
    private static final long UNREADABLE_JOURNAL = -2;

    private final RawRepl repl;
    private final DeviceFileSystem fs;
    private final FlashProgress progress;
    private final List<Watchdog> watchdogs;
    /** How far this flash got, for the error path. */
    private FlashPhase phase = FlashPhase.TAKEOVER;
    private boolean committed;

    public Flasher(RawRepl repl, TransferTuning tuning, FlashProgress progress) {
        this(repl, tuning, progress, Boards.watchdogs());
    }

    /** @param watchdogs the watchdogs of the chips picotool knows (board data), to stop one the firmware started */
    public Flasher(RawRepl repl, TransferTuning tuning, FlashProgress progress, List<Watchdog> watchdogs) {
        this.repl = repl;
        this.fs = new DeviceFileSystem(repl, tuning);
        this.progress = progress;
        this.watchdogs = List.copyOf(watchdogs);
    }

    public FlashResult flash(FirmwareBundle bundle, Options options) {
        try {
            enter(FlashPhase.TAKEOVER);
            List<String> names = bundle.files().stream().map(DeviceFile::name).toList();
            BoardSurvey survey = new BoardTakeover(repl, watchdogs).takeOver(names);
            if (survey.board().watchdogWasRunning().orElse(false)) {
                progress.step("stopped the board's watchdog for the flash (the firmware starts it again)");
            }
            // A refusal is thrown before anything is written; settle() then restarts what the board ran.
            BoardCheck.Verdict verdict = options.boardCheck().check(survey.found());
            progress.boardFound(survey.found(), verdict);
            return update(bundle, options, survey, verdict);
        } catch (RuntimeException e) {
            throw settle(e);
        }
    }

    private FlashResult update(FirmwareBundle bundle, Options options, BoardSurvey survey,
                               BoardCheck.Verdict verdict) {
        DetectedBoard found = survey.found();
        Cancellation cancel = repl.cancellation();
        List<String> names = bundle.files().stream().map(DeviceFile::name).toList();
        List<FileEntry> root = survey.root();
        Map<String, Optional<String>> hashes = survey.hashes();
        FreeSpace space = survey.space();
        if (options.dryRun()) {
            notePending(root);
        } else if (UpdateJournal.needsRecovery(root.stream().map(FileEntry::name).toList(), names)) {
            long switched = recover(names);
            if (switched >= 0) {
                progress.step("completed an earlier flash that was cut after its commit point");
            } else if (switched == UNREADABLE_JOURNAL) {
                progress.step("removed the unreadable journal of an earlier flash; every file that differs is "
                        + "written again");
            }
            hashes = fs.sha256(names);
            space = fs.freeSpace();
        }
        FlashPlan plan = FlashPlan.of(bundle, hashes, options.force());
        progress.planned(plan);
        if (options.dryRun()) {
            restart();
            return new FlashResult(found, verdict, plan, true, Optional.empty(), Optional.empty());
        }
        Optional<Path> backup = Optional.empty();
        if (!plan.nothingToWrite()) {
            plan.checkFits(space);
            backup = backUp(plan, found.boardId(), options.backups());
            cancel.checkpoint(OLD_KEPT);
            enter(FlashPhase.STAGING);
            new Stager(repl, fs, progress).stage(plan.writes());
            enter(FlashPhase.VERIFYING);
            verifyStaged(plan);
            cancel.checkpoint(OLD_KEPT);
            enter(FlashPhase.SWITCHING);
            List<String> finals = plan.writes().stream().map(FlashPlan.Step::name).toList();
            fs.repl().exec(UpdateJournal.commitCode(finals), "switching to the new files");
            committed = true;
        }
        restart();
        Optional<BootReport> boot = Optional.empty();
        if (!options.monitor().isZero()) {
            enter(FlashPhase.MONITORING);
            boot = Optional.of(BootMonitor.watch(repl, options.monitor(), progress::bootLine));
        }
        cancel.checkpoint((committed ? NEW_INSTALLED : "the board's firmware was already up to date") + " and runs");
        return new FlashResult(found, verdict, plan, false, backup, boot);
    }

    private void enter(FlashPhase p) {
        phase = p;
        progress.phase(p);
    }

    /**
     * First step on every connection: finish a switch that was committed but cut, and delete leftovers. Returns how
     * many files a committed switch still had to switch, -1 when there was none, -2 for an unreadable journal.
     */
    private long recover(List<String> names) {
        List<String> legacy = names.stream().map(n -> n + UpdateJournal.LEGACY_SUFFIX).toList();
        String purpose = "completing or cleaning up an earlier interrupted flash";
        List<List<Object>> rows = BoardAnswer.rows(fs.repl().exec(UpdateJournal.recoverCode(folders(names), legacy),
                purpose), purpose);
        if (rows.size() != 1 || rows.get(0).size() != 2) {
            throw BoardAnswer.unreadable(purpose, "it is not (switched, removed)");
        }
        long removed = BoardAnswer.integer(rows.get(0), 1, purpose);
        if (removed > 0) {
            progress.step("removed " + removed + (removed == 1 ? " unfinished file" : " unfinished files")
                    + " left by an interrupted flash");
        }
        return BoardAnswer.integer(rows.get(0), 0, purpose);
    }

    private void notePending(List<FileEntry> root) {
        if (root.stream().anyMatch(e -> e.name().equals(UpdateJournal.JOURNAL))) {
            progress.step("the board holds an interrupted flash past its commit point: a real flash completes it "
                    + "first");
        } else if (root.stream().anyMatch(e -> UpdateJournal.isLeftover(e.name()))) {
            progress.step("the board holds unfinished files of an interrupted flash: a real flash removes them");
        }
    }

    /** The root, and every folder a bundle file lives in: where staged files can be. */
    private static List<String> folders(List<String> names) {
        List<String> folders = new ArrayList<>(List.of(""));
        for (String n : names) {
            int slash = n.lastIndexOf('/');
            if (slash > 0 && !folders.contains(n.substring(0, slash))) {
                folders.add(n.substring(0, slash));
            }
        }
        return folders;
    }

    private Optional<Path> backUp(FlashPlan plan, String boardId, Optional<BackupStore> store) {
        if (store.isEmpty() || plan.replaced().isEmpty()) {
            return Optional.empty();
        }
        progress.step("backing up the files that will be replaced");
        Map<String, byte[]> old = fs.readAll(plan.replaced().stream().map(FlashPlan.Step::name).toList());
        Path dir = store.get().save(boardId, old);
        progress.backedUp(dir, List.copyOf(old.keySet()));
        return Optional.of(dir);
    }

    /** Every staged file, and every skipped one, must hash on the board exactly as it does here. */
    private void verifyStaged(FlashPlan plan) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (FlashPlan.Step s : plan.steps()) {
            String onBoard = s.action() == FlashPlan.Action.WRITE ? UpdateJournal.staged(s.name()) : s.name();
            expected.put(onBoard, s.file().sha256());
        }
        Map<String, Optional<String>> now = fs.sha256(List.copyOf(expected.keySet()));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!now.get(e.getKey()).equals(Optional.of(e.getValue()))) {
                throw new DeviceException(FileNames.display(e.getKey()) + " on the board does not match what was "
                        + "written; " + OLD_KEPT, "flash again; if it keeps happening the board's flash may be worn "
                        + "or damaged");
            }
        }
    }

    private void restart() {
        enter(FlashPhase.RESTARTING);
        repl.restartMain();
    }

    /**
     * After a failure: while the board answers, complete a committed switch or delete what this flash staged, and
     * restart main.py; then say what the board holds. A Ctrl-C already given does not stop this clean-up.
     */
    private RuntimeException settle(RuntimeException e) {
        if (e instanceof BoardDisconnectedException) {
            return new BoardDisconnectedException(repl.link().description(), state());
        }
        if (!repl.touched()) {
            return e instanceof DeviceInterruptedException ? repl.cancellation().stopped("nothing was sent to the "
                    + "board; it still runs its program") : e;
        }
        boolean restarted = phase.compareTo(FlashPhase.RESTARTING) >= 0 && repl.mode() == RawRepl.Mode.RUNNING;
        if (!restarted && !(e instanceof DeviceTimeoutException)) {
            restarted = repl.shielded(() -> {
                try {
                    repl.run("try:\n f.close()\nexcept Exception:\n pass\n");
                    committed |= recover(List.of()) >= 0;
                    repl.restartMain();
                    return true;
                } catch (RuntimeException ignored) {
                    return false; // the original failure is what the user needs to see
                }
            });
        }
        String outcome = (committed ? NEW_INSTALLED : OLD_KEPT) + (restarted ? " and runs" : "; it was left "
                + "stopped at its prompt: `picotool device reset` starts it");
        if (e instanceof DeviceInterruptedException) {
            return repl.cancellation().stopped(outcome);
        }
        return e;
    }

    /** What a board that vanished holds, by how far the flash got. */
    private String state() {
        if (committed || phase.compareTo(FlashPhase.SWITCHING) > 0) {
            return NEW_INSTALLED;
        }
        if (phase == FlashPhase.SWITCHING && !repl.lastCodeDelivered()) {
            return "it keeps its old firmware (the switch never reached it; the next flash removes the unfinished "
                    + "new files)";
        }
        if (phase == FlashPhase.SWITCHING) {
            return "it was cut while switching to the new firmware: it holds the old or the new set, never a mix "
                    + "(the next flash, or the board's next start with the new main.py, completes the switch)";
        }
        return "it keeps its old firmware (the next flash removes the unfinished new files)";
    }
}
