package dev.picotool.verify;

import java.util.Locale;

/** An inclusive range of plausible values, e.g. -40…80 for a DHT22's temperature. */
public record Range(double min, double max) {
    public Range {
        if (!(min <= max)) {
            throw new IllegalArgumentException("range minimum " + min + " is above its maximum " + max);
        }
    }

    public boolean contains(double v) {
        return v >= min && v <= max;
    }

    /** Parses {@code MIN:MAX} (also {@code MIN..MAX}), e.g. {@code -10:45}. */
    public static Range parse(String text) {
        String t = text.trim();
        int sep = t.indexOf("..");
        int len = 2;
        if (sep < 0) {
            sep = t.indexOf(':');
            len = 1;
        }
        if (sep <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not MIN:MAX (e.g. -10:45)");
        }
        try {
            return new Range(Double.parseDouble(t.substring(0, sep)), Double.parseDouble(t.substring(sep + len)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not MIN:MAX (e.g. -10:45)");
        }
    }

    @Override
    public String toString() {
        return format(min) + "…" + format(max);
    }

    static String format(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
