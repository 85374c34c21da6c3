package dev.picotool.device;

import dev.picotool.render.PyLiteral;

/**
 * How a file name from the board is shown to a person: as it is when that is unambiguous, otherwise as a quoted
 * Python literal ({@code 'x\na b c'}), so a name can neither forge an output line nor send escape sequences to the
 * terminal, and what is shown is exactly what {@code picotool device rm} accepts in Python's own notation.
 */
public final class FileNames {
    /** Quotes and backslashes (they would be read as notation), line separators and the BOM (invisible). */
    private static final String AMBIGUOUS = "\\'\"\u2028\u2029\ufeff";

    private FileNames() {
    }

    public static String display(String name) {
        return plain(name) ? name : quoted(name);
    }

    private static boolean plain(String name) {
        if (name.isEmpty() || name.isBlank() || !name.strip().equals(name)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || c < 0x20 || c >= 0x7f && c <= 0x9f || AMBIGUOUS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** PyLiteral's quoting, with \\uXXXX for a lone surrogate (a name that is not valid UTF-8 on the board). */
    private static String quoted(String name) {
        StringBuilder out = new StringBuilder("'");
        int start = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                out.append(inner(name.substring(start, i))).append(String.format("\\u%04x", (int) c));
                start = i + 1;
            }
        }
        return out.append(inner(name.substring(start))).append('\'').toString();
    }

    private static String inner(String s) {
        String q = PyLiteral.str(s);
        return q.substring(1, q.length() - 1);
    }
}
