package dev.picotool.device;

import dev.picotool.board.BoardCheck;
import dev.picotool.board.DetectedBoard;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The outcome of a flash: the board found and whose data applied, the plan carried out, where the replaced files
 * went, and the boot report if watched.
 */
public record FlashResult(DetectedBoard found, BoardCheck.Verdict verdict, FlashPlan plan, boolean dryRun,
                          Optional<Path> backup, Optional<BootReport> boot) {
    /** The board's flash id, the name of its backup directory. */
    public String boardId() {
        return found.boardId();
    }
}
