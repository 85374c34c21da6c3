package dev.picotool.device;

import dev.picotool.render.DeviceFile;
import dev.picotool.render.FirmwareBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a flash will do with each file of the bundle, and why: the output of --dry-run. main.py comes last. */
public record FlashPlan(List<Step> steps) {
    public static final String MAIN = "main.py";

    public enum Action { WRITE, SKIP }

    /** One file: write or skip it, why, and whether the board already has a (different) version to back up. */
    public record Step(DeviceFile file, Action action, String reason, boolean onBoard) {
        public String name() {
            return file.name();
        }
    }

    public FlashPlan {
        steps = List.copyOf(steps);
    }

    /** Compares the local files with the sha256 the board reported (empty = not on the board). */
    public static FlashPlan of(FirmwareBundle bundle, Map<String, Optional<String>> onBoard, boolean force) {
        List<Step> steps = new ArrayList<>();
        Step main = null;
        for (DeviceFile f : bundle.files()) {
            Optional<String> theirs = onBoard.getOrDefault(f.name(), Optional.empty());
            Step s;
            if (theirs.isEmpty()) {
                s = new Step(f, Action.WRITE, "new on the board", false);
            } else if (!theirs.get().equals(f.sha256())) {
                s = new Step(f, Action.WRITE, "changed", true);
            } else if (force) {
                s = new Step(f, Action.WRITE, "unchanged, written anyway (--force)", true);
            } else {
                s = new Step(f, Action.SKIP, "unchanged (same sha256)", true);
            }
            if (f.name().equals(MAIN)) {
                main = s; // listed last, as the entry point; the switch orders the renames itself (UpdateJournal)
            } else {
                steps.add(s);
            }
        }
        if (main != null) {
            steps.add(main);
        }
        return new FlashPlan(steps);
    }

    public List<Step> writes() {
        return steps.stream().filter(s -> s.action() == Action.WRITE).toList();
    }

    public List<Step> replaced() {
        return writes().stream().filter(Step::onBoard).toList();
    }

    public long bytesToWrite() {
        return writes().stream().mapToLong(s -> s.file().size()).sum();
    }

    public boolean nothingToWrite() {
        return writes().isEmpty();
    }

    /**
     * Whether the writes fit. Every changed file is staged next to its old version before any is switched, so the
     * peak is all new files at once (old versions are freed only by the switch), plus the journal; counted in blocks.
     */
    public void checkFits(FreeSpace space) {
        long need = space.blocksFor(0); // the journal: a few hundred bytes
        for (Step s : writes()) {
            need += space.blocksFor(s.file().size());
        }
        // LittleFS needs a couple of spare blocks for copy-on-write metadata updates.
        long spare = 2;
        if (need + spare > space.freeBlocks()) {
            throw new DeviceException("the board's filesystem is too full: writing needs about "
                    + kb((need + spare) * space.blockSize()) + " but only " + kb(space.freeBytes()) + " of "
                    + kb(space.totalBytes()) + " are free",
                    "remove files you no longer need (`picotool device ls`, `picotool device rm FILE`) and flash "
                            + "again");
        }
    }

    private static String kb(long bytes) {
        return String.format("%.1f KB", bytes / 1024.0);
    }
}
