package dev.picotool.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The board's placeholders: what the board makes of them (firmware/app.py does the same), and what is refused. */
class PlaceholdersTest {
    static final String ID = "e6614103e7a1b2c3";

    @Test
    void expandsLikeTheBoard() {
        assertThat(Placeholders.expand("pico/{id}/status", ID, "x")).isEqualTo("pico/" + ID + "/status");
        assertThat(Placeholders.expand("home/{name}/cpu-{id4}", ID, "Kitchen {id4}"))
                .isEqualTo("home/Kitchen b2c3/cpu-b2c3");
        assertThat(Placeholders.expand("pico/temperature/dht22", ID, "x")).isEqualTo("pico/temperature/dht22");
    }

    @Test
    void countsTheExpandedLength() {
        assertThat(Placeholders.expandedBytes("pico/{id}/status", 0)).isEqualTo(("pico//status").length() + 16);
        assertThat(Placeholders.expandedBytes("{id4}/{name}", 10)).isEqualTo(4 + 1 + 10);
    }

    @Test
    void unknownPlaceholdersAndStrayBracesAreRefused() throws Invalid {
        Placeholders.check("pico/{id}/{id4}/{name}", Placeholders.IN_TOPICS);
        for (String bad : List.of("pico/{ID}/x", "pico/{mac}/x", "pico/{id", "pico/id}/x", "{}")) {
            assertThatThrownBy(() -> Placeholders.check(bad, Placeholders.IN_TOPICS)).as(bad)
                    .isInstanceOf(Invalid.class).hasMessageContaining("not a placeholder picotool knows");
        }
        assertThatThrownBy(() -> Placeholders.check("Pico {name}", Placeholders.IN_NAME)).isInstanceOf(Invalid.class);
    }

    @Test
    void boardIdsAreSixteenHexDigits() {
        assertThat(Placeholders.normalizeId(" E6614103E7A1B2C3 ")).isEqualTo(ID);
        for (String bad : List.of("e661", "e6614103e7a1b2c3ff", "kitchen-pico-0001", "")) {
            assertThatThrownBy(() -> Placeholders.normalizeId(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 hex digits");
        }
    }
}
