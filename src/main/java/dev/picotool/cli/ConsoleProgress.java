package dev.picotool.cli;

import dev.picotool.board.BoardCheck;
import dev.picotool.board.DetectedBoard;
import dev.picotool.device.FlashPlan;
import dev.picotool.device.FlashProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Flash progress for people: a redrawn bar on a terminal, one line per event when output is piped or logged. */
final class ConsoleProgress implements FlashProgress {
    private static final int BAR = 24;

    private final PrintWriter out;
    private final boolean terminal;
    private boolean barOpen;

    ConsoleProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void step(String what) {
        endBar();
        out.println(what + "...");
        out.flush();
    }

    @Override
    public void boardFound(DetectedBoard found, BoardCheck.Verdict verdict) {
        endBar();
        out.println("board: " + found.summary());
        for (String w : verdict.warnings()) {
            out.println("warning: " + w);
        }
        out.flush();
    }

    @Override
    public void planned(FlashPlan plan) {
        endBar();
        for (FlashPlan.Step s : plan.steps()) {
            out.printf("  %-5s %-14s %7d bytes  %s%n", s.action() == FlashPlan.Action.WRITE ? "write" : "skip",
                    s.name(), s.file().size(), s.reason());
        }
        if (plan.nothingToWrite()) {
            out.println("nothing to write: the board already has this firmware");
        }
        out.flush();
    }

    @Override
    public void backedUp(Path dir, List<String> files) {
        endBar();
        out.println("backed up " + String.join(", ", files) + " to " + dir);
        out.flush();
    }

    @Override
    public void writing(String name, long done, long total) {
        if (!terminal) {
            if (done == 0) {
                out.println("writing " + name + " (" + total + " bytes)");
                out.flush();
            }
            return;
        }
        int filled = total == 0 ? BAR : (int) (BAR * done / total);
        out.printf("\r  [%s%s] %-14s %6d/%d bytes", "#".repeat(filled), ".".repeat(BAR - filled), name, done, total);
        out.flush();
        barOpen = true;
    }

    @Override
    public void written(String name) {
        if (terminal) {
            endBar();
        } else {
            out.println("wrote " + name + " next to the old one");
            out.flush();
        }
    }

    @Override
    public void bootLine(String line) {
        endBar();
        out.println("  | " + line);
        out.flush();
    }

    private void endBar() {
        if (barOpen) {
            out.println();
            barOpen = false;
        }
    }
}
