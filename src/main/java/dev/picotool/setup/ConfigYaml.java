package dev.picotool.setup;

import dev.picotool.config.RawSettings;
import dev.picotool.config.Schema;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of a picotool.yaml for some settings: one group per first key part, in the schema's order, every value as
 * YAML that reads back as exactly the text given (plain when nothing in it could be read otherwise, else
 * double-quoted with escapes for everything outside YAML's printable set and its line breaks, YAML 1.1 sections
 * 5.1 and 5.7). picotool reads values as written, so {@code NO} stays "NO".
 */
public final class ConfigYaml {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}(:[0-9]{1,5})?");

    private ConfigYaml() {
    }

    /** The file: a header comment, then the given keys (YAML keys of the schema: settings and password sources). */
    public static String write(RawSettings settings, List<String> header) {
        StringBuilder out = new StringBuilder();
        header.forEach(h -> out.append("# ").append(h).append('\n'));
        String group = "";
        for (String key : Schema.fileKeys()) {
            if (settings.text(key).isEmpty()) {
                continue;
            }
            int dot = key.indexOf('.');
            String g = dot < 0 ? "" : key.substring(0, dot);
            if (!g.isEmpty() && !g.equals(group)) {
                out.append(g).append(":\n");
            }
            group = g;
            out.append(g.isEmpty() ? "" : "  ").append(key.substring(dot + 1)).append(": ")
                    .append(scalar(settings.text(key).get())).append('\n');
        }
        return out.toString();
    }

    /** A YAML scalar that the strict loader reads back as {@code text}. */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches()) {
            return text;
        }
        StringBuilder sb = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f) {
                        sb.append(String.format("\\x%02x", c));
                    } else if (c == 0x2028 || c == 0x2029 || c == 0xfeff || c >= 0xd800 && c <= 0xdfff
                            || c == 0xfffe || c == 0xffff) {
                        sb.append(String.format("\\u%04x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}
