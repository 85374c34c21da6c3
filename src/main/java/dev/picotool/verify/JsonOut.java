package dev.picotool.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Writing the JSON report and JSON Lines records with jackson-core, so escaping is the library's job, not ours. */
final class JsonOut {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonOut() {
    }

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** One JSON document, pretty-printed or on one line. */
    static String document(boolean pretty, Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e); // a StringWriter does not fail
        }
        return w.toString();
    }

    /** A number as people write it (3, not 3.0), or null for NaN and infinities, which JSON cannot carry. */
    static void number(JsonGenerator g, String field, double v) throws IOException {
        g.writeFieldName(field);
        number(g, v);
    }

    static void number(JsonGenerator g, double v) throws IOException {
        if (!Double.isFinite(v)) {
            g.writeNull();
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(v);
        }
    }

    /** The same number as text, for CSV. */
    static String numberText(double v) {
        return !Double.isFinite(v) ? "" : v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : Double.toString(v);
    }
}
