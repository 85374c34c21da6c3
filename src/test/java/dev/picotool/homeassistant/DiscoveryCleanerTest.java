package dev.picotool.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which retained messages are a picotool board's, and which topics belong to a board (the broker run is in
 * HaRemoveCommandTest). */
class DiscoveryCleanerTest {
    static final String A = "e6614103e7a1b2c3";
    static final DiscoveryCleaner CLEANER = new DiscoveryCleaner(new DiscoveryCleaner.Settings("ha",
            "home/{name}/status", "pico/{id}/diagnostics", "Lab {id4}"));

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void picotoolBoardsAreFoundByTopicShapeAndOrigin() {
        Map<String, byte[]> retained = new LinkedHashMap<>();
        retained.put("ha/device/" + A + "/config", utf8("{\"o\": {\"sw\": \"0.1.0\", \"name\": \"picotool\"}}"));
        retained.put("ha/sensor/" + A + "_humidity/config", utf8("{\"o\": {\"name\": \"picotool\"}}"));
        retained.put("ha/sensor/" + A + "_pressure/config", utf8("{\"o\": {\"name\": \"picotool\"}}"));
        retained.put("ha/device/0123456789abcdef/config", utf8("{\"o\": {\"name\": \"other\"}}"));
        retained.put("ha/device/kitchen/config", utf8("{\"o\": {\"name\": \"picotool\"}}"));
        retained.put("homeassistant/device/" + A + "/config", utf8("{\"o\": {\"name\": \"picotool\"}}"));
        retained.put("ha/device/" + A.toUpperCase() + "/config", utf8("picotool"));
        assertThat(CLEANER.boards(retained)).containsOnlyKeys(A);
        assertThat(CLEANER.boards(retained).get(A)).containsExactly("ha/device/" + A + "/config",
                "ha/sensor/" + A + "_humidity/config");
    }

    @Test
    void aBoardsTopicsAreBothModesAndItsStateAsTheSettingsSay() {
        DiscoveryCleaner.Board b = CLEANER.board(A, List.of());
        assertThat(b.topics()).startsWith("ha/device/" + A + "/config", "ha/sensor/" + A + "_temperature/config")
                .contains("ha/sensor/" + A + "_heap_free/config")
                .endsWith("home/Lab b2c3/status", "pico/" + A + "/diagnostics").hasSize(9);
        assertThat(CLEANER.filters()).containsExactly("ha/device/+/config", "ha/sensor/+/config");
    }
}
