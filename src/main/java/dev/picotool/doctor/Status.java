package dev.picotool.doctor;

import java.util.Locale;

/** How one check came out: fine, worth knowing, or in the way of flashing and verifying. */
public enum Status {
    OK, WARN, FAIL;

    /** "ok", "warn", "fail": the first word of the line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
