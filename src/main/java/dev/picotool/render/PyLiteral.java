package dev.picotool.render;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one function through which every configured value reaches the generated Python: it turns a Java value into a
 * complete Python literal. Strings are single-quoted with everything that could end the literal, break the line or
 * confuse a reader escaped, so no input can break out into code. Accepted by CPython and MicroPython alike.
 */
public final class PyLiteral {
    private PyLiteral() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof java.util.Optional<?> opt) {
            return opt.isPresent() ? of(opt.get()) : "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof CharSequence s) {
            return str(s.toString());
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
                sb.append(of(it.next())).append(it.hasNext() ? ", " : "");
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<?, ?> e = it.next();
                sb.append(of(e.getKey())).append(": ").append(of(e.getValue())).append(it.hasNext() ? ", " : "");
            }
            return sb.append('}').toString();
        }
        throw new IllegalArgumentException("no Python literal for a " + value.getClass().getSimpleName());
    }

    /** A single-quoted Python str literal. Throws on an unpaired surrogate, which has no UTF-8 form. */
    public static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogate at index " + i + " cannot be written as UTF-8");
            } else if (c == '\\' || c == '\'') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else if (c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                // Line separators and the BOM are legal in a literal but break editors, diff tools and some parsers.
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    public static String number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            return n.toString();
        }
        if (n instanceof BigDecimal d) {
            return d.toPlainString();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d)) {
            return "float('nan')";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "float('inf')" : "float('-inf')";
        }
        return Double.toString(d);
    }
}
