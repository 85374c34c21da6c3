package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortFinderTest {
    static final PortInfo PICO = new PortInfo("/dev/ttyACM0", "Board CDC", 0x2E8A, 0x0005, "E6614103E7A1B2C3");
    static final PortInfo PICO2 = new PortInfo("/dev/ttyACM1", "Board CDC", 0x2E8A, 0x0005, "E6614103E7A1FFFF");
    static final PortInfo UART = new PortInfo("/dev/ttyS0", "Physical Port S0", -1, -1, "Unknown");
    static final PortInfo SDK = new PortInfo("/dev/ttyACM2", "Pico", 0x2E8A, 0x000A, "X");

    static PortFinder finder(PortInfo... ports) {
        return new PortFinder(() -> List.of(ports));
    }

    @Test
    void anExplicitPortIsUsedAsGiven() {
        assertThat(finder().resolve("/tmp/vpico/tty")).isEqualTo("/tmp/vpico/tty");
    }

    @Test
    void autoPicksTheOnlyMicroPythonBoard() {
        assertThat(finder(UART, PICO).resolve("auto")).isEqualTo("/dev/ttyACM0");
        assertThat(finder(PICO).resolve(null)).isEqualTo("/dev/ttyACM0");
    }

    @Test
    void severalBoardsAreListedAndTheUserAskedToChoose() {
        assertThatThrownBy(() -> finder(PICO, PICO2).resolve("auto")).isInstanceOf(DeviceException.class)
                .hasMessageContaining("/dev/ttyACM0").hasMessageContaining("/dev/ttyACM1")
                .satisfies(e -> assertThat(((DeviceException) e).hint()).contains("--port"));
    }

    @Test
    void noBoardExplainsCableBootselAndTheLinuxPortName() {
        assertThatThrownBy(() -> finder(UART).resolve("auto")).isInstanceOf(DeviceException.class)
                .hasMessageContaining("/dev/ttyS0")
                .satisfies(e -> assertThat(((DeviceException) e).hint())
                        .contains("data cable", "RPI-RP2", "ls /dev/ttyACM*"));
        assertThatThrownBy(() -> finder(SDK).resolve("auto"))
                .satisfies(e -> assertThat(((DeviceException) e).hint()).contains("/dev/ttyACM2", "2E8A:000A"));
    }

    @Test
    void aMissingPathListsThePortsThatExist() {
        assertThatThrownBy(() -> SerialLinks.open("/dev/ttyACM9", () -> List.of(PICO)))
                .isInstanceOf(DeviceException.class).hasMessageContaining("no serial port /dev/ttyACM9")
                .satisfies(e -> assertThat(((DeviceException) e).hint()).contains("/dev/ttyACM0"));
    }
}
