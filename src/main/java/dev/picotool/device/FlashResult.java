package dev.picotool.device;

import java.nio.file.Path;
import java.util.Optional;

/** The outcome of a flash: the plan carried out, where the replaced files went, and the boot report if watched. */
public record FlashResult(String boardId, FlashPlan plan, boolean dryRun, Optional<Path> backup,
                          Optional<BootReport> boot) {
}
