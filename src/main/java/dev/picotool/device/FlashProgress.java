package dev.picotool.device;

import dev.picotool.board.BoardCheck;
import dev.picotool.board.DetectedBoard;
import java.nio.file.Path;
import java.util.List;

/** What a flash reports as it goes; the CLI draws a progress bar on a terminal, plain lines otherwise. */
public interface FlashProgress {
    FlashProgress NONE = new FlashProgress() {
    };

    /** The board answered what it is and passed the check (with warnings, perhaps); nothing is written yet. */
    default void boardFound(DetectedBoard found, BoardCheck.Verdict verdict) {
    }

    /** Something worth a line happens ("stopping the running program", "restarting the board"...). */
    default void step(String what) {
    }

    /** A phase of the flash starts (by default a {@link #step} with its description). */
    default void phase(FlashPhase phase) {
        step(phase.description());
    }

    default void planned(FlashPlan plan) {
    }

    default void backedUp(Path dir, List<String> files) {
    }

    /** {@code done} of {@code total} bytes of {@code name} are on the board (not yet verified). */
    default void writing(String name, long done, long total) {
    }

    default void written(String name) {
    }

    /** One line the firmware printed after the restart. */
    default void bootLine(String line) {
    }

    /** This progress, with {@code action} run first whenever phase {@code when} starts. */
    default FlashProgress onPhase(FlashPhase when, Runnable action) {
        FlashProgress self = this;
        return new FlashProgress() {
            @Override
            public void boardFound(DetectedBoard found, BoardCheck.Verdict verdict) {
                self.boardFound(found, verdict);
            }

            @Override
            public void step(String what) {
                self.step(what);
            }

            @Override
            public void phase(FlashPhase phase) {
                if (phase == when) {
                    action.run();
                }
                self.phase(phase);
            }

            @Override
            public void planned(FlashPlan plan) {
                self.planned(plan);
            }

            @Override
            public void backedUp(Path dir, List<String> files) {
                self.backedUp(dir, files);
            }

            @Override
            public void writing(String name, long done, long total) {
                self.writing(name, done, total);
            }

            @Override
            public void written(String name) {
                self.written(name);
            }

            @Override
            public void bootLine(String line) {
                self.bootLine(line);
            }
        };
    }
}
