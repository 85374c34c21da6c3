package dev.picotool.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoardsTest {
    @ParameterizedTest
    @CsvSource({
        "RPI_PICO_W, Raspberry Pi Pico W with RP2040, pico_w",
        "'', Raspberry Pi Pico W with RP2040, pico_w",
        "RPI_PICO2_W-RISCV, Raspberry Pi Pico 2 W with RP2350-RISCV, pico2_w",
        "'', Raspberry Pi Pico 2 W with RP2350-RISCV, pico2_w",
        "'', Raspberry Pi Pico with RP2040, pico",
        "RPI_PICO, '', pico"})
    void identifiesBoardsByBuildOrMachine(String build, String machine, String id) {
        assertThat(Boards.identify(build, machine)).map(b -> b.id().id()).contains(id);
    }

    @Test
    void unknownBoardsAreNotGuessed() {
        assertThat(Boards.identify("", "Pimoroni Pico Plus 2 W with RP2350")).isEmpty();
        assertThat(Boards.identify("RPI_PICO2", "Raspberry Pi Pico 2 with RP2350")).isEmpty();
        assertThat(Boards.identify(null, null)).isEmpty();
    }

    @Test
    void mcuAndTheWirelessBoardForIt() {
        assertThat(Boards.mcuOf("Raspberry Pi Pico 2 with RP2350-RISCV")).isEqualTo("RP2350");
        assertThat(Boards.mcuOf("no with-part")).isEmpty();
        assertThat(Boards.wirelessWith("RP2040")).map(Board::micropythonBoard).contains("RPI_PICO_W");
        assertThat(Boards.wirelessWith("RP2350")).map(Board::micropythonBoard).contains("RPI_PICO2_W");
        assertThat(Boards.wirelessWith("ESP32")).isEmpty();
    }

    @Test
    void usbIdsComeFromTheData() {
        assertThat(Boards.isMicroPythonUsb(0x2E8A, 0x0005)).isTrue();
        assertThat(Boards.isMicroPythonUsb(0x2E8A, 0x000A)).isFalse();
        assertThat(Boards.isBoardVendor(0x2E8A)).isTrue();
        assertThat(Boards.isBoardVendor(0x1A86)).isFalse();
        assertThat(Boards.usbIds()).isEqualTo("2E8A:0005");
        assertThat(Boards.bootselDrives()).isEqualTo("RPI-RP2 or RP2350");
    }

    @Test
    void boardFlagValues() {
        assertThat(BoardId.parse("Pico2-W")).isEqualTo(BoardId.PICO2_W);
        assertThatThrownBy(() -> BoardId.parse("pico3")).isInstanceOfSatisfying(PicoToolException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.hint()).contains("--board pico_w", "--board pico2_w", "--board pico");
        });
    }
}
