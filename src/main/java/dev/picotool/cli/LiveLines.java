package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.verify.DocumentResult;
import dev.picotool.verify.Reading;
import dev.picotool.verify.VerifyListener;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Prints each event of a verification run as one line, as it happens. */
final class LiveLines implements VerifyListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final PrintWriter out;

    LiveLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void connected(String broker, List<String> topics) {
        out.println("connected to " + TerminalText.escape(broker) + ", subscribed to "
                + TerminalText.escape(String.join(", ", topics)));
        out.flush();
    }

    @Override
    public void reading(Reading r, int counted, int needed) {
        String note = r.retained() ? "  (retained, from before: not counted)"
                : r.ok() ? "" : "  PROBLEM: " + TerminalText.escape(r.problem());
        out.printf("%s  %-32s %-12s %d/%d%s%n", TIME.format(r.time()), TerminalText.escape(r.topic()),
                shorten(r.payload()), counted,
                needed, note);
        out.flush();
    }

    @Override
    public void status(String topic, String payload, boolean retained) {
        out.println("status " + TerminalText.escape(topic) + " = '" + shorten(payload) + "'"
                + (retained ? " (retained)" : ""));
        out.flush();
    }

    @Override
    public void document(String kind, String topic, boolean retained) {
        out.println((kind.equals(DocumentResult.DISCOVERY) ? "Home Assistant discovery " : "health report ")
                + TerminalText.escape(topic) + (retained ? " (retained)" : ""));
        out.flush();
    }

    @Override
    public void connectionLost(String reason) {
        out.println("connection to the broker lost (" + TerminalText.escape(reason) + "): reconnecting...");
        out.flush();
    }

    @Override
    public void reconnected() {
        out.println("reconnected to the broker, subscribed again");
        out.flush();
    }

    /** At most 60 characters of a payload, control characters escaped: one reading stays one line. */
    private static String shorten(String s) {
        String cut = s.codePointCount(0, s.length()) <= 60 ? s : s.substring(0, s.offsetByCodePoints(0, 60)) + "…";
        return TerminalText.escape(cut);
    }
}
