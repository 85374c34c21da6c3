package dev.picotool.verify;

import dev.picotool.Version;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The result as one JSON document, for scripts and CI dashboards. */
public final class JsonReport {
    private JsonReport() {
    }

    public static String render(VerifyResult r) {
        String topics = r.topics().stream().map(JsonReport::topic).collect(Collectors.joining(",\n    ",
                "[\n    ", "\n  ]"));
        String status = r.status().map(s -> "{\"topic\": " + Json.quote(s.topic()) + ", \"payload\": "
                + s.payload().map(Json::quote).orElse("null") + ", \"passed\": " + s.passed() + ", \"reason\": "
                + Json.quote(s.reason()) + "}").orElse("null");
        return "{\n  \"tool\": \"picotool\",\n  \"version\": " + Json.quote(Version.get())
                + ",\n  \"broker\": " + Json.quote(r.broker())
                + ",\n  \"started\": " + Json.quote(r.started().toString())
                + ",\n  \"elapsed_s\": " + Json.number(r.elapsed().toMillis() / 1000.0)
                + ",\n  \"reconnects\": " + r.reconnects()
                + ",\n  \"passed\": " + r.passed()
                + ",\n  \"topics\": " + topics
                + ",\n  \"status\": " + status + "\n}\n";
    }

    private static String topic(TopicResult t) {
        return "{\"topic\": " + Json.quote(t.topic()) + ", \"label\": " + Json.quote(t.expectation().label())
                + ", \"unit\": " + Json.quote(t.expectation().unit())
                + ", \"range\": " + t.expectation().range().map(x -> "[" + Json.number(x.min()) + ", "
                        + Json.number(x.max()) + "]").orElse("null")
                + ", \"count\": " + t.count() + ", \"needed\": " + t.needed() + ", \"malformed\": " + t.malformed()
                + ", \"out_of_range\": " + t.outOfRange() + ", \"bad_gaps\": " + t.badGaps()
                + ", \"min\": " + num(t.min()) + ", \"mean\": " + num(t.mean()) + ", \"max\": " + num(t.max())
                + ", \"mean_interval_s\": " + t.meanInterval().map(d -> Json.number(d.toMillis() / 1000.0))
                        .orElse("null")
                + ", \"passed\": " + t.passed() + ", \"reason\": " + Json.quote(t.reason()) + "}";
    }

    private static String num(OptionalDouble v) {
        return v.isPresent() ? Json.number(Math.round(v.getAsDouble() * 1000) / 1000.0) : "null";
    }
}
