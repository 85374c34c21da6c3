package dev.picotool.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinoutTextTest {
    @ParameterizedTest
    @CsvSource({"GP15, 3v3", "GP16, vbus", "GP0, 3v3"})
    void colourOnlyAddsEscapesAndNeverMovesAColumn(String pin, String power) {
        WiringPlan plan = WiringPlan.of(Boards.get(BoardId.PICO_W), SensorSpec.get("dht22"), pin,
                SensorPower.parse(power));
        String coloured = PinoutText.render(plan, Style.ANSI);
        assertThat(coloured).contains("\u001b[1;33m", "\u001b[1;31m", "\u001b[0m");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(PinoutText.render(plan, Style.PLAIN));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"true, null, true", "true, '', true", "true, 1, false",
        "false, null, false"})
    void colourForATerminalUnlessNoColorIsSet(boolean terminal, String noColor, boolean ansi) {
        assertThat(Style.forTerminal(terminal, noColor)).isSameAs(ansi ? Style.ANSI : Style.PLAIN);
    }
}
