package dev.picotool.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoardCheckTest {
    static DetectedBoard found(String version, String machine, String build, boolean network) {
        return new DetectedBoard("e6614103e7a1b2c3", MicroPythonVersion.parse(version), machine, build, network);
    }

    @Test
    void aPicoWWithACurrentBuildPassesSilently() {
        BoardCheck.Verdict v = BoardCheck.detect().check(found("1.27.0", "Raspberry Pi Pico W with RP2040",
                "RPI_PICO_W", true));
        assertThat(v.board().id()).isEqualTo(BoardId.PICO_W);
        assertThat(v.warnings()).isEmpty();
    }

    @Test
    void thePlainPicoBuildIsRefusedNamingThePicoWBuild() {
        assertThatThrownBy(() -> BoardCheck.detect().check(found("1.27.0", "Raspberry Pi Pico with RP2040",
                "RPI_PICO", false))).isInstanceOfSatisfying(PicoToolException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.DEVICE);
                    assertThat(e.getMessage()).contains("MicroPython for the Raspberry Pi Pico (RPI_PICO)",
                            "no network module", "nothing was written");
                    assertThat(e.hint()).contains("RPI_PICO_W", "https://micropython.org/download/RPI_PICO_W/",
                            "RPI-RP2");
                });
    }

    @Test
    void aPlainPico2BuildIsRefusedNamingThePico2WBuild() {
        assertThatThrownBy(() -> BoardCheck.detect().check(found("1.24.0", "Raspberry Pi Pico 2 with RP2350", "",
                false))).isInstanceOfSatisfying(PicoToolException.class, e -> {
                    assertThat(e.getMessage()).contains("'Raspberry Pi Pico 2 with RP2350'");
                    assertThat(e.hint()).contains("RPI_PICO2_W", "RP2350 drive").doesNotContain("RPI_PICO_W ");
                });
    }

    @Test
    void anOldReleaseIsAWarningWithTheVersionFound() {
        BoardCheck.Verdict v = BoardCheck.detect().check(found("1.19.1", "Raspberry Pi Pico W with RP2040", "",
                true));
        assertThat(v.warnings()).singleElement().satisfies(w -> assertThat(w).contains("MicroPython 1.19.1",
                "older than 1.20.0", "network.hostname()", "RPI_PICO_W"));
    }

    @Test
    void thePico2WIsDetectedAndItsDataUsed() {
        BoardCheck.Verdict v = BoardCheck.detect().check(found("1.27.0", "Raspberry Pi Pico 2 W with RP2350",
                "RPI_PICO2_W", true));
        assertThat(v.board().id()).isEqualTo(BoardId.PICO2_W);
        assertThat(v.board().watchdog().maxTimeoutMs()).isEqualTo(16777);
    }

    @Test
    void theBoardFlagOverridesDetectionAndSaysSo() {
        BoardCheck.Verdict v = BoardCheck.detect().withBoard(Optional.of(BoardId.PICO2_W))
                .check(found("1.27.0", "Raspberry Pi Pico W with RP2040", "RPI_PICO_W", true));
        assertThat(v.board().id()).isEqualTo(BoardId.PICO2_W);
        assertThat(v.warnings()).singleElement().satisfies(w -> assertThat(w).contains("says it is a Raspberry Pi "
                + "Pico W", "--board pico2_w"));
        assertThatThrownBy(() -> BoardCheck.detect().withBoard(Optional.of(BoardId.PICO)).check(found("1.27.0",
                "Raspberry Pi Pico W with RP2040", "RPI_PICO_W", true)))
                .isInstanceOfSatisfying(PicoToolException.class, e -> assertThat(e.exitCode())
                        .isEqualTo(ExitCode.USAGE));
    }

    @Test
    void anUnknownBoardWithWifiIsTakenForTheWirelessBoardOfItsChip() {
        BoardCheck.Verdict v = BoardCheck.detect().check(found("1.27.0", "Pimoroni Pico Plus 2 W with RP2350", "",
                true));
        assertThat(v.board().id()).isEqualTo(BoardId.PICO2_W);
        assertThat(v.warnings()).singleElement().satisfies(w -> assertThat(w).contains("no data for 'Pimoroni Pico "
                + "Plus 2 W with RP2350'", "--board"));
    }

    @Test
    void theSensorPinIsCheckedAgainstTheBoardFound() {
        assertThatThrownBy(() -> BoardCheck.detect().withSensorPin(Optional.of("GP23")).check(found("1.27.0",
                "Raspberry Pi Pico 2 W with RP2350", "RPI_PICO2_W", true)))
                .isInstanceOfSatisfying(PicoToolException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
                    assertThat(e.getMessage()).contains("Pico 2 W", "WL_REG_ON");
                });
        assertThat(BoardCheck.detect().withSensorPin(Optional.of("GP15")).check(found("1.27.0",
                "Raspberry Pi Pico W with RP2040", "", true)).warnings()).isEmpty();
    }
}
