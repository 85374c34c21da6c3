package dev.picotool.device;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one Python literal as {@code repr()} prints it on the board: str, int, True/False/None, and tuples or lists
 * of them. This is how listings travel, so that any file name (quotes, backslashes, newlines, control bytes,
 * non-ASCII) arrives exactly. Strict: anything else (another escape, a raw line break inside a string, trailing
 * text) is an error, never a guess.
 *
 * <p>Both peers are covered: MicroPython writes {@code \\ \' \n \r \t}, and every other character outside
 * printable ASCII as {@code \xNN}, {@code \\uNNNN} or {@code \UNNNNNNNN} (py/objstrunicode.c, uni_print_quoted),
 * so its lines are pure ASCII; CPython (the virtual Pico) escapes only what it deems unprintable and prints the
 * rest as UTF-8. Values: String, Long, Boolean, null, and List for tuples and lists.
 */
final class PyLiteralReader {
    /** Not a literal this reader accepts; the message says where and why. */
    static final class BadLiteral extends IllegalArgumentException {
        BadLiteral(String message) {
            super(message);
        }
    }

    private final String s;
    private int i;

    private PyLiteralReader(String s) {
        this.s = s;
    }

    /** The one literal that {@code text} holds (surrounding blanks allowed). */
    static Object parse(String text) {
        PyLiteralReader r = new PyLiteralReader(text);
        r.blanks();
        Object value = r.value();
        r.blanks();
        if (r.i != text.length()) {
            throw r.bad("unexpected text after the value");
        }
        return value;
    }

    private Object value() {
        if (i >= s.length()) {
            throw bad("a value is missing");
        }
        char c = s.charAt(i);
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (c == '(' || c == '[') {
            return sequence(c == '(' ? ')' : ']');
        }
        if (c == '-' || c >= '0' && c <= '9') {
            return integer();
        }
        for (String word : new String[] {"True", "False", "None"}) {
            if (s.startsWith(word, i)) {
                i += word.length();
                return word.equals("None") ? null : Boolean.valueOf(word.equals("True"));
            }
        }
        throw bad("not a value this reader accepts");
    }

    private List<Object> sequence(char close) {
        i++;
        List<Object> items = new ArrayList<>();
        blanks();
        while (true) {
            if (i < s.length() && s.charAt(i) == close) {
                i++;
                return items;
            }
            items.add(value());
            blanks();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                blanks();
            } else if (i >= s.length() || s.charAt(i) != close) {
                throw bad("expected ',' or '" + close + "'");
            }
        }
    }

    private Long integer() {
        int start = i;
        if (s.charAt(i) == '-') {
            i++;
        }
        int digits = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == digits) {
            throw bad("a number has no digits");
        }
        try {
            return Long.parseLong(s.substring(start, i));
        } catch (NumberFormatException e) {
            throw bad("number out of range");
        }
    }

    private String string(char quote) {
        StringBuilder out = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) {
                throw bad("a string is not closed");
            }
            char c = s.charAt(i++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\n' || c == '\r') {
                throw bad("a line break inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= s.length()) {
                throw bad("a string ends in a backslash");
            }
            char e = s.charAt(i++);
            switch (e) {
                case '\\', '\'', '"' -> out.append(e);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'x' -> out.append((char) hex(2));
                case 'u' -> out.append((char) hex(4));
                case 'U' -> {
                    long cp = hex(8);
                    if (cp > Character.MAX_CODE_POINT) {
                        throw bad("\\U escape beyond Unicode");
                    }
                    out.appendCodePoint((int) cp);
                }
                default -> throw bad("unknown escape \\" + e);
            }
        }
    }

    private long hex(int digits) {
        if (i + digits > s.length()) {
            throw bad("a hex escape is cut short");
        }
        long v = 0;
        for (int k = 0; k < digits; k++) {
            int d = Character.digit(s.charAt(i++), 16);
            if (d < 0) {
                throw bad("a hex escape has a non-hex digit");
            }
            v = v * 16 + d;
        }
        return v;
    }

    private void blanks() {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
    }

    private BadLiteral bad(String why) {
        return new BadLiteral(why + " at character " + i);
    }
}
