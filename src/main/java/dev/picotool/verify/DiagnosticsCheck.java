package dev.picotool.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges a board's health report (firmware/diagnostics.py; its fields are listed in firmware/README.md, "Topics,
 * discovery and the health report"): each field there, of its type, with a plausible value. A problem names the
 * field. Fields added by a later firmware are accepted.
 */
final class DiagnosticsCheck {
    /** diagnostics.py's words for {@code machine.reset_cause()}; other causes are "unknown (N)". */
    static final Set<String> RESET_CAUSES = Set.of("power-on", "watchdog", "hard reset", "deep sleep", "soft reset");
    private static final Pattern UNKNOWN_CAUSE = Pattern.compile("unknown \\(-?\\d+\\)");
    /** Received signal strength as the CYW43 reports it: 0 dBm is the strongest a receiver can see, -100 the end. */
    static final int MIN_RSSI = -100;
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d"
            + "|1\\d\\d|[1-9]?\\d)){3}");
    /** picotool's version (0.1.0) and MicroPython's as app.py prints it (1.27.0). */
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+([-+.][0-9A-Za-z.+-]*)?");
    private static final List<String> COUNTERS = List.of("wifi_reconnects", "mqtt_reconnects", "sensor_failures");

    private DiagnosticsCheck() {
    }

    /** The verdict on one report: its problems, or what it says in short. */
    static Verdict judge(byte[] payload) {
        Map<String, Object> doc;
        try {
            doc = JsonDocument.object(payload);
        } catch (JsonDocument.Problem e) {
            return new Verdict(false, e.getMessage());
        }
        return Verdict.of(problems(doc), "up " + doc.get("uptime_s") + " s, Wi-Fi " + doc.get("rssi_dbm") + " dBm, "
                + doc.get("heap_free") + " bytes free, started by " + doc.get("reset_cause") + ", firmware "
                + doc.get("firmware") + " on MicroPython " + doc.get("micropython"));
    }

    /** Why the report is not acceptable, or "" when it is. */
    static String problems(Map<String, Object> doc) {
        List<String> problems = new ArrayList<>();
        whole(doc, "uptime_s", 0, Long.MAX_VALUE, "seconds since the board started", problems);
        whole(doc, "rssi_dbm", MIN_RSSI, 0, "the Wi-Fi signal in dBm", problems);
        text(doc, "ip", IPV4, "the board's IPv4 address", problems);
        whole(doc, "heap_free", 1, Long.MAX_VALUE, "bytes", problems);
        whole(doc, "heap_used", 1, Long.MAX_VALUE, "bytes", problems);
        if (has(doc, "reset_cause", problems) && !(doc.get("reset_cause") instanceof String cause
                && (RESET_CAUSES.contains(cause) || UNKNOWN_CAUSE.matcher(cause).matches()))) {
            problems.add("field 'reset_cause' is " + JsonDocument.shown(doc.get("reset_cause")) + ", expected one of "
                    + String.join(", ", RESET_CAUSES.stream().sorted().toList()));
        }
        text(doc, "firmware", VERSION, "a version such as 0.1.0", problems);
        text(doc, "micropython", VERSION, "a version such as 1.27.0", problems);
        COUNTERS.forEach(c -> whole(doc, c, 0, Long.MAX_VALUE, "a count", problems));
        return String.join("; ", problems);
    }

    private static boolean has(Map<String, Object> doc, String field, List<String> problems) {
        if (!doc.containsKey(field)) {
            problems.add("field '" + field + "' is missing");
            return false;
        }
        return true;
    }

    private static void whole(Map<String, Object> doc, String field, long min, long max, String what,
                              List<String> problems) {
        if (has(doc, field, problems) && !(doc.get(field) instanceof Long v && v >= min && v <= max)) {
            problems.add("field '" + field + "' is " + JsonDocument.shown(doc.get(field)) + ", expected a whole "
                    + "number " + (max == Long.MAX_VALUE ? "≥ " + min : "from " + min + " to " + max) + " (" + what
                    + ")");
        }
    }

    private static void text(Map<String, Object> doc, String field, Pattern form, String what,
                             List<String> problems) {
        if (has(doc, field, problems) && !(doc.get(field) instanceof String s && form.matcher(s).matches())) {
            problems.add("field '" + field + "' is " + JsonDocument.shown(doc.get(field)) + ", expected " + what);
        }
    }
}
