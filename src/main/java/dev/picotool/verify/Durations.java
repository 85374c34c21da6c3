package dev.picotool.verify;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them: "0.2 s", "2.5 s", "45 s". */
public final class Durations {
    private Durations() {
    }

    public static String text(Duration d) {
        return number(d) + " s";
    }

    /** Seconds rounded to a tenth, without a trailing ".0". */
    public static String number(Duration d) {
        double s = Math.round(d.toMillis() / 100.0) / 10.0;
        return s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f", s) : String.format(Locale.ROOT, "%.1f", s);
    }

    /** Parses fractional seconds ("0.2", "10"); refuses zero, negatives and more than a day. */
    public static Duration parseSeconds(String text) {
        double s;
        try {
            s = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number of seconds");
        }
        if (!(s > 0) || s > 86_400) {
            throw new IllegalArgumentException("'" + text + "' seconds is out of range (more than 0, at most 86400)");
        }
        return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
    }
}
