package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The health report's fields (firmware/README.md): each there, of its type, plausible; a problem names the field. */
class DiagnosticsCheckTest {
    /** What firmware/diagnostics.py publishes (the example in firmware/README.md). */
    static final String REPORT = "{\"uptime_s\": 3600, \"rssi_dbm\": -48, \"ip\": \"192.168.4.23\", \"heap_free\": "
            + "150000, \"heap_used\": 30000, \"reset_cause\": \"power-on\", \"firmware\": \"0.1.0\", \"micropython\": "
            + "\"1.27.0\", \"wifi_reconnects\": 0, \"mqtt_reconnects\": 1, \"sensor_failures\": 2}";

    static Verdict judge(String json) {
        return DiagnosticsCheck.judge(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFirmwaresReportPassesWithASummary() {
        Verdict v = judge(REPORT);

        assertThat(v.passed()).as(v.reason()).isTrue();
        assertThat(v.reason()).isEqualTo("up 3600 s, Wi-Fi -48 dBm, 150000 bytes free, started by power-on, "
                + "firmware 0.1.0 on MicroPython 1.27.0");
        assertThat(judge(REPORT.replace("power-on", "unknown (7)")).passed()).isTrue();
        assertThat(judge(REPORT.replace("}", ", \"later_field\": [1, 2]}")).passed()).isTrue();
    }

    @Test
    void eachMissingFieldIsNamed() {
        for (String field : List.of("uptime_s", "rssi_dbm", "ip", "heap_free", "heap_used", "reset_cause", "firmware",
                "micropython", "wifi_reconnects", "mqtt_reconnects", "sensor_failures")) {
            String without = REPORT.replaceAll("\"" + field + "\": (\"[^\"]*\"|-?\\d+)", "")
                    .replace("{, ", "{").replace(", , ", ", ").replace(", }", "}");
            Verdict v = judge(without);
            assertThat(v.passed()).as(field).isFalse();
            assertThat(v.reason()).as(without).isEqualTo("field '" + field + "' is missing");
        }
    }

    @Test
    void implausibleValuesAndWrongTypesNameTheField() {
        assertThat(judge(REPORT.replace("-48", "12")).reason()).isEqualTo("field 'rssi_dbm' is 12, expected a whole "
                + "number from -100 to 0 (the Wi-Fi signal in dBm)");
        assertThat(judge(REPORT.replace("-48", "null")).reason()).startsWith("field 'rssi_dbm' is null");
        assertThat(judge(REPORT.replace("3600", "-1")).reason()).startsWith("field 'uptime_s' is -1, expected a "
                + "whole number ≥ 0");
        assertThat(judge(REPORT.replace("3600", "\"3600\"")).reason()).startsWith("field 'uptime_s' is \"3600\"");
        assertThat(judge(REPORT.replace("150000", "0")).reason()).startsWith("field 'heap_free' is 0");
        assertThat(judge(REPORT.replace("30000", "1.5")).reason()).startsWith("field 'heap_used' is 1.5");
        assertThat(judge(REPORT.replace("power-on", "exploded")).reason()).isEqualTo("field 'reset_cause' is "
                + "\"exploded\", expected one of deep sleep, hard reset, power-on, soft reset, watchdog");
        assertThat(judge(REPORT.replace("192.168.4.23", "300.1.1.1")).reason()).startsWith("field 'ip' is "
                + "\"300.1.1.1\", expected the board's IPv4 address");
        assertThat(judge(REPORT.replace("\"1.27.0\"", "\"\"")).reason()).startsWith("field 'micropython' is \"\"");
        assertThat(judge(REPORT.replace("\"mqtt_reconnects\": 1", "\"mqtt_reconnects\": -1")).reason())
                .startsWith("field 'mqtt_reconnects' is -1");
        Verdict two = judge(REPORT.replace("-48", "5").replace("\"0.1.0\"", "7"));
        assertThat(two.reason()).contains("field 'rssi_dbm' is 5", "; field 'firmware' is 7");
    }

    @Test
    void whatIsNotAJsonObjectIsSaidInWords() {
        assertThat(judge("").reason()).isEqualTo("empty payload");
        assertThat(judge("online").reason()).startsWith("invalid JSON");
        assertThat(judge("[1]").reason()).isEqualTo("not a JSON object");
        assertThat(judge("{\"uptime_s\": 1, \"uptime_s\": 2}").reason()).startsWith("invalid JSON: Duplicate field");
        assertThat(judge("{\"a\": " + "[".repeat(100) + "]".repeat(100) + "}").reason()).startsWith("invalid JSON");
        assertThat(judge(REPORT + " x").reason()).startsWith("invalid JSON");
        assertThat(DiagnosticsCheck.judge(new byte[JsonDocument.MAX_BYTES + 1]).reason()).startsWith("longer than");
    }
}
