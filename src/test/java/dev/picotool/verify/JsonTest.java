package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesWhatTheFirmwareAndTheReportsWrite() {
        assertThat(Json.parse("{\"value\": 23.1, \"unit\": \"\\u00b0C\", \"ok\": [true, false, null]}"))
                .isEqualTo(Map.of("value", 23.1, "unit", "°C", "ok", java.util.Arrays.asList(true, false, null)));
        assertThat(Json.parse(" -0.5e2 ")).isEqualTo(-50.0);
        assertThat(Json.parse("[]")).isEqualTo(List.of());
    }

    @Test
    void refusesNearMisses() {
        for (String bad : List.of("{'value': 1}", "{\"value\": 01}", "[1,]", "NaN", "{\"a\": 1} x", "\"\\x\"", "١")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void quotesRoundTrip() {
        String nasty = "a\"b\\c\nd\u0001é°";
        assertThat(Json.parse(Json.quote(nasty))).isEqualTo(nasty);
        assertThat(Json.number(Double.NaN)).isEqualTo("null");
        assertThat(Json.number(3.0)).isEqualTo("3");
    }
}
