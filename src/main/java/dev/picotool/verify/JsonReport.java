package dev.picotool.verify;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.picotool.Version;
import java.io.IOException;
import java.util.OptionalDouble;

/** The result as one JSON document, for scripts and CI dashboards. */
public final class JsonReport {
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
            g.writeArrayFieldStart("topics");
            for (TopicResult t : r.topics()) {
                topic(g, t);
            }
            g.writeEndArray();
            g.writeFieldName("status");
            if (r.status().isEmpty()) {
                g.writeNull();
            } else {
                StatusResult s = r.status().get();
                g.writeStartObject();
                g.writeStringField("topic", s.topic());
                g.writeStringField("payload", s.payload().orElse(null));
                g.writeBooleanField("passed", s.passed());
                g.writeStringField("reason", s.reason());
                g.writeEndObject();
            }
            g.writeEndObject();
        }) + "\n";
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
