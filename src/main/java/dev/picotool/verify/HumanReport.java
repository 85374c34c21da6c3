package dev.picotool.verify;

import dev.picotool.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The final table, as lines for the command to print: a row per topic and document, board by board (each board under
 * a line of its own when the topics tell boards apart), then what the run noticed and the verdict. Text from outside
 * is escaped ({@link TerminalText}).
 */
public final class HumanReport {
    /** Wider topics (a list of discovery documents) stick out rather than push every row to the right. */
    private static final int MAX_TOPIC_COLUMN = 60;
    private HumanReport() {
    }

    public static List<String> lines(VerifyResult r) {
        int w = "topic".length();
        for (BoardResult b : r.boards()) {
            w = Math.max(w, b.topics().stream().mapToInt(t -> shown(t.topic()).length()).max().orElse(0));
            w = Math.max(w, b.status().map(s -> shown(s.topic()).length()).orElse(0));
            w = Math.max(w, b.diagnostics().map(d -> shown(d.topic()).length()).orElse(0));
            w = Math.max(w, Math.min(MAX_TOPIC_COLUMN, b.discovery().map(d -> shown(d.topic()).length()).orElse(0)));
        }
        String row = "%-" + w + "s  %5s  %7s  %7s  %7s  %8s  %s";
        String other = "%-" + w + "s  %s  %s";
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, row, "topic", "count", "min", "mean", "max", "interval", "verdict"));
        boolean headers = r.boards().stream().anyMatch(b -> b.board().isPresent());
        for (BoardResult b : r.boards()) {
            if (headers) {
                out.add(b.board().map(id -> "board " + id).orElse("every board") + ": " + (b.passed() ? "PASS"
                        : "FAIL"));
            }
            for (TopicResult t : b.topics()) {
                out.add(String.format(Locale.ROOT, row, shown(t.topic()), t.count() + "/" + t.needed(),
                        num(t.min()), num(t.mean()), num(t.max()), t.meanInterval().map(Durations::text).orElse("-"),
                        verdict(t.passed(), t.reason())));
            }
            b.status().ifPresent(s -> out.add(String.format(Locale.ROOT, other, shown(s.topic()),
                    s.payload().map(p -> "'" + shown(p) + "'").orElse("(nothing)"), verdict(s.passed(), s.reason()))));
            b.diagnostics().ifPresent(d -> out.add(String.format(Locale.ROOT, other, shown(d.topic()),
                    "(health report)", verdict(d.passed(), d.reason()))));
            b.discovery().ifPresent(d -> out.add(String.format(Locale.ROOT, other, shown(d.topic()),
                    "(Home Assistant discovery)", verdict(d.passed(), d.reason()))));
        }
        r.notes().forEach(n -> out.add("note: " + shown(n)));
        String reconnects = r.reconnects() == 0 ? "" : ", reconnected " + r.reconnects()
                + (r.reconnects() == 1 ? " time" : " times");
        String what = r.perBoard() ? boards(r) + ", " + plural(r.boards().stream().mapToInt(BoardResult::checks).sum(),
                "check") : plural(r.topics().size(), "topic");
        out.add((r.passed() ? "PASS" : "FAIL") + ": " + what + " on " + shown(r.broker()) + " in "
                + Durations.text(r.elapsed()) + reconnects + (r.passed() ? "" : "; failing: " + shown(String.join(
                ", ", r.failing()))));
        return out;
    }

    /** "2 of 3 boards passed (needed 1)", "1 of 1 board passed (needed: e6614103e7a1b2c3)". */
    static String boards(VerifyResult r) {
        long seen = r.boards().stream().filter(b -> b.board().isPresent()).count();
        return r.boardsPassed() + " of " + plural(seen, "board") + " passed (needed" + (r.needed().named().isEmpty()
                ? " " + r.needed().atLeast() : ": " + String.join(", ", r.needed().named())) + ")";
    }

    private static String plural(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String verdict(boolean passed, String reason) {
        return (passed ? "PASS  " : "FAIL  ") + shown(reason);
    }

    private static String shown(String s) {
        return TerminalText.escape(s);
    }

    private static String num(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsDouble()) : "-";
    }
}
