package dev.picotool.verify;

import dev.picotool.TerminalText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.util.Locale;

/**
 * Keeps every reading seen, as CSV (or JSON Lines when the file ends in .jsonl), so students can plot them.
 * Lines go to a temporary file next to the target as readings arrive (an interrupted run leaves them there, in
 * {@code .NAME.*.partial}); {@link #finish()} puts the file in place. Columns: time (ISO-8601, UTC), topic, payload,
 * value (empty when not a number), retained, problem.
 *
 * <p>The CSV is made to open safely in a spreadsheet: control characters are written as visible escapes (like the
 * terminal output), and a text field starting with {@code = + - @} (a formula to Excel and LibreOffice, e.g.
 * {@code =HYPERLINK(…)}) gets a leading {@code '}, unless it is just a number such as {@code -3.5}.
 */
public final class ReadingRecorder implements VerifyListener, AutoCloseable {
    private static final String FORMULA_STARTS = "=+-@";

    private final OutputFile file;
    private final BufferedWriter out;
    private final boolean jsonLines;
    /** The first write that failed (a full disk): recording stops, and {@link #finish()} reports it. */
    private IOException failure;

    private ReadingRecorder(OutputFile file, BufferedWriter out, boolean jsonLines) {
        this.file = file;
        this.out = out;
        this.jsonLines = jsonLines;
    }

    /** Starts a recording into a file prepared (and so checked) before the run. */
    public static ReadingRecorder open(OutputFile file) {
        boolean jsonl = file.target().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
        try {
            BufferedWriter w = file.writer();
            if (!jsonl) {
                w.write("time,topic,payload,value,retained,problem\n");
                w.flush();
            }
            return new ReadingRecorder(file, w, jsonl);
        } catch (IOException e) {
            file.close();
            throw file.failed(e);
        }
    }

    @Override
    public void reading(Reading r, int counted, int needed) {
        if (failure != null) {
            return;
        }
        String line;
        if (jsonLines) {
            line = JsonOut.document(false, g -> {
                g.writeStartObject();
                g.writeStringField("time", r.time().toString());
                g.writeStringField("topic", r.topic());
                g.writeStringField("payload", r.payload());
                if (r.value().isPresent()) {
                    JsonOut.number(g, "value", r.value().getAsDouble());
                } else {
                    g.writeNullField("value");
                }
                g.writeBooleanField("retained", r.retained());
                g.writeStringField("problem", r.problem());
                g.writeEndObject();
            });
        } else {
            line = String.join(",", r.time().toString(), csv(r.topic()), csv(r.payload()),
                    r.value().isPresent() ? JsonOut.numberText(r.value().getAsDouble()) : "",
                    Boolean.toString(r.retained()), csv(r.problem()));
        }
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            failure = e;
        }
    }

    /** One CSV field: escaped, defused, and quoted (RFC 4180) when it holds a comma or a quote. */
    static String csv(String field) {
        String f = TerminalText.escape(field);
        if (!f.isEmpty() && FORMULA_STARTS.indexOf(f.charAt(0)) >= 0 && !PayloadParser.isPlainNumber(f)) {
            f = "'" + f;
        }
        if (f.indexOf(',') < 0 && f.indexOf('"') < 0) {
            return f;
        }
        return "\"" + f.replace("\"", "\"\"") + "\"";
    }

    /** Puts the recording in place; call it once the run is over. */
    public void finish() {
        try {
            out.close();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw file.failed(failure);
        }
        file.commit();
    }

    /** Drops the temporary file unless {@link #finish()} put it in place. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // Going away; the temporary file is removed next.
        }
        file.close();
    }
}
