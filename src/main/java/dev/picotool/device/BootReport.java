package dev.picotool.device;

import java.util.List;
import java.util.Optional;

/** What the firmware printed after the restart, and what it amounts to. */
public record BootReport(Status status, List<String> lines, Optional<String> failure) {
    public enum Status {
        /** Printed "[wifi] connected" and "[mqtt] connected". */
        CONNECTED,
        /** Printed a "FAILED:" line (which says why and how to fix it). */
        FAILED,
        /** main.py ended (crashed or returned) and the board is back at the >>> prompt. */
        STOPPED,
        /** Neither within the time we watched. */
        NO_VERDICT
    }

    public BootReport {
        lines = List.copyOf(lines);
    }
}
