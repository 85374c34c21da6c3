package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.Schema;
import dev.picotool.config.Setting;
import java.io.PrintWriter;

/**
 * Prints validated settings as a table: key, value as it will be used, and where it came from. Derived from the
 * schema; secrets show as a mask and their source only; control characters in values are shown escaped.
 */
final class ConfigPrinter {
    private ConfigPrinter() {
    }

    static void print(PicoConfig c, PrintWriter out) {
        for (Setting<?> s : Schema.ALL) {
            if (s.usedFor(c.use()) && s.shownFor(c)) {
                out.printf("  %-26s %-40s %s%n", s.key(), TerminalText.escape(s.display(c)),
                        TerminalText.escape(c.origin(s).where()));
            }
        }
        c.warnings().forEach(w -> out.println("warning: " + TerminalText.escape(w)));
        out.flush();
    }
}
