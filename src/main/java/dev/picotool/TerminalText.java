package dev.picotool;

import java.util.Locale;

/**
 * Text from outside (a topic, a payload, a broker's message) made safe to print on a terminal: control characters,
 * line breaks and the invisible characters that reorder text (bidi controls) become visible escapes such as
 * {@code \x1b}, {@code \n} or {@code \u202e}. A payload can then neither move the cursor, recolour the screen nor
 * start a new line that forges a {@code PASS} verdict. Other characters, emoji included, are kept.
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            if (unsafe(c)) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append(visible(c));
            } else if (b != null) {
                b.appendCodePoint(c);
            }
            i += n;
        }
        return b == null ? s : b.toString();
    }

    static boolean unsafe(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || bidi(c);
    }

    /** The Unicode bidirectional formatting characters (UAX #9, section 2): they reorder what follows them. */
    private static boolean bidi(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    private static String visible(int c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x80 ? String.format(Locale.ROOT, "\\x%02x", c) : String.format(Locale.ROOT, "\\u%04x", c);
        };
    }
}
