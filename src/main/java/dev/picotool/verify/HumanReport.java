package dev.picotool.verify;

import dev.picotool.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The final table, as lines for the command to print; text from outside is escaped ({@link TerminalText}). */
public final class HumanReport {
    private HumanReport() {
    }

    public static List<String> lines(VerifyResult r) {
        int w = Math.max("topic".length(), r.topics().stream().mapToInt(t -> shown(t.topic()).length()).max()
                .orElse(0));
        String row = "%-" + w + "s  %5s  %7s  %7s  %7s  %8s  %s";
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, row, "topic", "count", "min", "mean", "max", "interval", "verdict"));
        for (TopicResult t : r.topics()) {
            out.add(String.format(Locale.ROOT, row, shown(t.topic()), t.count() + "/" + t.needed(), num(t.min()),
                    num(t.mean()), num(t.max()), t.meanInterval().map(Durations::text).orElse("-"),
                    (t.passed() ? "PASS  " : "FAIL  ") + shown(t.reason())));
        }
        r.status().ifPresent(s -> out.add(String.format(Locale.ROOT, "%-" + w + "s  %s  %s", shown(s.topic()),
                s.payload().map(p -> "'" + shown(p) + "'").orElse("(nothing)"), (s.passed() ? "PASS  " : "FAIL  ")
                        + shown(s.reason()))));
        String reconnects = r.reconnects() == 0 ? "" : ", reconnected " + r.reconnects()
                + (r.reconnects() == 1 ? " time" : " times");
        out.add((r.passed() ? "PASS" : "FAIL") + ": " + r.topics().size() + (r.topics().size() == 1 ? " topic"
                : " topics") + " on " + shown(r.broker()) + " in " + Durations.text(r.elapsed()) + reconnects
                + (r.passed() ? "" : "; failing: " + shown(String.join(", ", r.failing()))));
        return out;
    }

    private static String shown(String s) {
        return TerminalText.escape(s);
    }

    private static String num(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsDouble()) : "-";
    }
}
