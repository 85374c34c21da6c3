package dev.picotool.cli;

/**
 * Text from outside (settings, topics, payloads, file names on the board) made safe to print on a terminal: control
 * characters, which could move the cursor, recolour the screen or forge a line of their own, are shown escaped.
 */
final class Terminal {
    private Terminal() {
    }

    /** {@code \n} as "\n", ESC as "\x1b", other C0/C1 controls and DEL as "\xNN"; everything else as it is. */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
                    : c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f || c == '\u2028' || c == '\u2029'
                    ? String.format(c > 0xff ? "\\u%04x" : "\\x%02x", (int) c) : null;
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
