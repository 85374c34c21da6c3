package dev.picotool.board;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A MicroPython release, "1.27.0" or "1.28.0-preview", ordered by major, minor, micro (a preview sorts first). */
public record MicroPythonVersion(int major, int minor, int micro, String prerelease)
        implements Comparable<MicroPythonVersion> {
    private static final Pattern TEXT = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,4}))?(?:-([\\w.]{1,40}))?");

    /** Empty prerelease for a release. Throws IllegalArgumentException for anything else. */
    public static MicroPythonVersion parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a MicroPython version: '" + text + "'");
        }
        return new MicroPythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(4) == null ? "" : m.group(4));
    }

    @Override
    public int compareTo(MicroPythonVersion o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        c = c != 0 ? c : Integer.compare(micro, o.micro);
        if (c != 0 || prerelease.equals(o.prerelease)) {
            return c;
        }
        return prerelease.isEmpty() ? 1 : o.prerelease.isEmpty() ? -1 : prerelease.compareTo(o.prerelease);
    }

    public boolean olderThan(MicroPythonVersion o) {
        return compareTo(o) < 0;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro + (prerelease.isEmpty() ? "" : "-" + prerelease);
    }
}
