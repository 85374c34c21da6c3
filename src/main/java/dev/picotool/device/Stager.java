package dev.picotool.device;

import java.util.ArrayList;
import java.util.List;

/**
 * Stages a flash's changed files next to their old versions: through the {@link BlockReceiver} (one exec, the
 * files as raw blocks), or, on a board that cannot run it, with the exec-per-chunk path of
 * {@link DeviceFileSystem#stage}. Either way nothing is switched here, and the caller verifies what was staged.
 */
final class Stager {
    private final RawRepl repl;
    private final DeviceFileSystem fs;
    private final FlashProgress progress;

    Stager(RawRepl repl, DeviceFileSystem fs, FlashProgress progress) {
        this.repl = repl;
        this.fs = fs;
        this.progress = progress;
    }

    void stage(List<FlashPlan.Step> writes) {
        List<BlockReceiver.Item> items = new ArrayList<>();
        for (FlashPlan.Step s : writes) {
            items.add(new BlockReceiver.Item(UpdateJournal.staged(s.name()), s.file().content(), s.file().sha256()));
        }
        var refused = BlockReceiver.send(repl, items, (index, done) -> report(writes.get(index), done));
        if (refused.isEmpty()) {
            return;
        }
        progress.step("the board cannot run picotool's block receiver (" + refused.get() + "): writing the files "
                + "with execs instead");
        Cancellation cancel = repl.cancellation();
        for (FlashPlan.Step s : writes) {
            long total = s.file().size();
            progress.writing(s.name(), 0, total);
            fs.stage(UpdateJournal.staged(s.name()), s.file().content(), done -> {
                progress.writing(s.name(), done, total);
                cancel.checkpoint("nothing was switched");
            });
            progress.written(s.name());
        }
    }

    private void report(FlashPlan.Step s, long done) {
        long total = s.file().size();
        progress.writing(s.name(), done, total);
        if (done == total) {
            progress.written(s.name());
        }
    }
}
