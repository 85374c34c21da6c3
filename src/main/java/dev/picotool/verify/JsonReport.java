package dev.picotool.verify;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.picotool.Version;
import java.io.IOException;
import java.util.OptionalDouble;

/** The result as one JSON document, board by board, for scripts and CI dashboards. */
final class JsonReport {
    private JsonReport() {
    }

    public static String render(VerifyResult r) {
        return JsonOut.document(true, g -> {
            g.writeStartObject();
            g.writeStringField("tool", "picotool");
            g.writeStringField("version", Version.get());
            g.writeStringField("broker", r.broker());
            g.writeStringField("started", r.started().toString());
            JsonOut.number(g, "elapsed_s", r.elapsed().toMillis() / 1000.0);
            g.writeNumberField("reconnects", r.reconnects());
            g.writeBooleanField("passed", r.passed());
            g.writeBooleanField("per_board", r.perBoard());
            g.writeNumberField("boards_needed", r.needed().atLeast());
            g.writeArrayFieldStart("boards_named");
            for (String id : r.needed().named()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeNumberField("boards_passed", r.boardsPassed());
            g.writeArrayFieldStart("notes");
            for (String n : r.notes()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("boards");
            for (BoardResult b : r.boards()) {
                board(g, b);
            }
            g.writeEndArray();
            g.writeEndObject();
        }) + "\n";
    }

    /** One board (board null: the topics every board shares): its topics, status and documents. */
    private static void board(JsonGenerator g, BoardResult b) throws IOException {
        g.writeStartObject();
        g.writeStringField("board", b.board().orElse(null));
        g.writeBooleanField("passed", b.passed());
        g.writeArrayFieldStart("topics");
        for (TopicResult t : b.topics()) {
            topic(g, t);
        }
        g.writeEndArray();
        g.writeFieldName("status");
        if (b.status().isEmpty()) {
            g.writeNull();
        } else {
            StatusResult s = b.status().get();
            g.writeStartObject();
            g.writeStringField("topic", s.topic());
            g.writeStringField("payload", s.payload().orElse(null));
            g.writeBooleanField("passed", s.passed());
            g.writeStringField("reason", s.reason());
            g.writeEndObject();
        }
        document(g, DocumentResult.DIAGNOSTICS, b.diagnostics());
        document(g, DocumentResult.DISCOVERY, b.discovery());
        g.writeEndObject();
    }

    private static void document(JsonGenerator g, String field, java.util.Optional<DocumentResult> d)
            throws IOException {
        g.writeFieldName(field);
        if (d.isEmpty()) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("topic", d.get().topic());
        g.writeBooleanField("passed", d.get().passed());
        g.writeStringField("reason", d.get().reason());
        g.writeEndObject();
    }

    private static void topic(JsonGenerator g, TopicResult t) throws IOException {
        g.writeStartObject();
        g.writeStringField("topic", t.topic());
        g.writeStringField("label", t.expectation().label());
        g.writeStringField("unit", t.expectation().unit());
        g.writeFieldName("range");
        if (t.expectation().range().isEmpty()) {
            g.writeNull();
        } else {
            g.writeStartArray();
            JsonOut.number(g, t.expectation().range().get().min());
            JsonOut.number(g, t.expectation().range().get().max());
            g.writeEndArray();
        }
        g.writeNumberField("count", t.count());
        g.writeNumberField("needed", t.needed());
        g.writeNumberField("malformed", t.malformed());
        g.writeNumberField("out_of_range", t.outOfRange());
        g.writeNumberField("bad_gaps", t.badGaps());
        rounded(g, "min", t.min());
        rounded(g, "mean", t.mean());
        rounded(g, "max", t.max());
        if (t.meanInterval().isPresent()) {
            JsonOut.number(g, "mean_interval_s", t.meanInterval().get().toMillis() / 1000.0);
        } else {
            g.writeNullField("mean_interval_s");
        }
        g.writeBooleanField("passed", t.passed());
        g.writeStringField("reason", t.reason());
        g.writeEndObject();
    }

    /** Rounded to 3 decimals where that is meaningful; huge values (any finite number may pass a --topic) as is. */
    private static void rounded(JsonGenerator g, String field, OptionalDouble v) throws IOException {
        if (v.isEmpty()) {
            g.writeNullField(field);
            return;
        }
        double d = v.getAsDouble();
        JsonOut.number(g, field, Math.abs(d) < 1e12 ? Math.round(d * 1000) / 1000.0 : d);
    }
}
