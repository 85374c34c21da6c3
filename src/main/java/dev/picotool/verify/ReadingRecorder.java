package dev.picotool.verify;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Keeps every reading seen, as CSV (or JSON Lines when the file ends in .jsonl), so students can plot them.
 * Written and flushed as readings arrive: an interrupted run keeps what it saw.
 * Columns: time (ISO-8601, UTC), topic, payload (raw), value (empty when not a number), retained, problem.
 */
public final class ReadingRecorder implements VerifyListener, AutoCloseable {
    private final BufferedWriter out;
    private final boolean jsonLines;

    private ReadingRecorder(BufferedWriter out, boolean jsonLines) {
        this.out = out;
        this.jsonLines = jsonLines;
    }

    public static ReadingRecorder open(Path file) {
        boolean jsonl = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
        try {
            BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            if (!jsonl) {
                w.write("time,topic,payload,value,retained,problem\n");
                w.flush();
            }
            return new ReadingRecorder(w, jsonl);
        } catch (IOException e) {
            throw new PicoToolException(ExitCode.INTERNAL, "cannot write the recording " + file + ": "
                    + e.getMessage(), "check that the directory exists and you may write there", e);
        }
    }

    @Override
    public void reading(Reading r, int counted, int needed) {
        String value = r.value().isPresent() ? Json.number(r.value().getAsDouble()) : "";
        String line;
        if (jsonLines) {
            line = "{\"time\": " + Json.quote(r.time().toString()) + ", \"topic\": " + Json.quote(r.topic())
                    + ", \"payload\": " + Json.quote(r.payload()) + ", \"value\": " + (value.isEmpty() ? "null"
                    : value) + ", \"retained\": " + r.retained() + ", \"problem\": " + Json.quote(r.problem()) + "}";
        } else {
            line = String.join(",", r.time().toString(), csv(r.topic()), csv(r.payload()), value,
                    Boolean.toString(r.retained()), csv(r.problem()));
        }
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording", e);
        }
    }

    /** RFC 4180: quote a field holding a comma, quote or line break, doubling the quotes inside. */
    static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the recording", e);
        }
    }
}
