package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortSelectorTest {
    static final PortInfo PICO = new PortInfo("/dev/ttyACM0", "Board CDC", 0x2E8A, 0x0005, "e6614103e7a1b2c3");
    static final PortInfo PICO2 = new PortInfo("/dev/ttyACM1", "Board CDC", 0x2E8A, 0x0005, "e6614c311b7a5b21");
    static final PortInfo UART = new PortInfo("/dev/ttyS0", "Physical Port S0", -1, -1, "Unknown");
    static final PortInfo MAC_CU = new PortInfo("/dev/cu.usbmodem1101", "Board CDC", 0x2E8A, 0x0005, "e661aa");
    static final PortInfo MAC_TTY = new PortInfo("/dev/tty.usbmodem1101", "Board CDC (Dial-In)", 0x2E8A, 0x0005,
            "e661aa");
    static final PortInfo WIN = new PortInfo("\\\\.\\COM12", "USB Serial Device (COM12)", 0x2E8A, 0x0005, "e661bb");

    static PortSelector selector(OsFamily os, Map<String, String> env, PortInfo... ports) {
        return new PortSelector(() -> List.of(ports), os, env);
    }

    static String choose(OsFamily os, Map<String, String> env, String given, PortInfo... ports) {
        return selector(os, env, ports).choose(given).path();
    }

    @Test
    void theFlagWinsOverTheVariableWhichWinsOverAuto() {
        Map<String, String> env = Map.of(PortSelector.ENV, "/dev/ttyACM1");
        assertThat(choose(OsFamily.LINUX, env, "/dev/ttyUSB3", PICO, PICO2)).isEqualTo("/dev/ttyUSB3");
        assertThat(choose(OsFamily.LINUX, env, null, PICO, PICO2)).isEqualTo("/dev/ttyACM1");
        assertThat(choose(OsFamily.LINUX, env, "  ", PICO, PICO2)).isEqualTo("/dev/ttyACM1");
        assertThat(choose(OsFamily.LINUX, Map.of(), null, UART, PICO)).isEqualTo("/dev/ttyACM0");
        assertThat(choose(OsFamily.LINUX, Map.of(PortSelector.ENV, ""), null, PICO)).isEqualTo("/dev/ttyACM0");
        assertThat(choose(OsFamily.LINUX, env, "auto", PICO)).as("--port auto overrides the variable")
                .isEqualTo("/dev/ttyACM0");
    }

    @Test
    void aBadPortFromTheVariableSaysWhereItCameFrom() {
        assertThatThrownBy(() -> choose(OsFamily.LINUX, Map.of(PortSelector.ENV, "serial:nope"), null, PICO))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("no port with the USB serial number nope (any case) (the "
                            + "port came from PICOTOOL_PORT=serial:nope)");
                    assertThat(e.hint()).endsWith("; or unset PICOTOOL_PORT");
                });
    }

    @Test
    void aSerialNumberPicksItsBoardWhateverTheCase() {
        assertThat(choose(OsFamily.LINUX, Map.of(), "serial:E6614C311B7A5B21", PICO, PICO2)).isEqualTo("/dev/ttyACM1");
        assertThat(choose(OsFamily.LINUX, Map.of(PortSelector.ENV, "serial:e6614103e7a1b2c3"), null, PICO, PICO2))
                .isEqualTo("/dev/ttyACM0");
        assertThatThrownBy(() -> choose(OsFamily.LINUX, Map.of(), "serial:E66100", PICO, UART))
                .hasMessage("no port with the USB serial number e66100 (any case)")
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.hint())
                        .isEqualTo("serial numbers seen: e6614103e7a1b2c3 (/dev/ttyACM0)"));
        assertThatThrownBy(() -> choose(OsFamily.LINUX, Map.of(), "serial:", PICO)).hasMessageContaining("must be "
                + "followed by the board's USB serial number");
        assertThatThrownBy(() -> choose(OsFamily.LINUX, Map.of(), "serial:a b", PICO)).hasMessageContaining("must be "
                + "followed");
    }

    @Test
    void macOsListsEachBoardTwiceAndTheCallOutSideIsTheOneToOpen() {
        assertThat(choose(OsFamily.MACOS, Map.of(), null, MAC_TTY, MAC_CU)).as("one board, not two")
                .isEqualTo("/dev/cu.usbmodem1101");
        PortNames.Name typed = selector(OsFamily.MACOS, Map.of()).choose("/dev/tty.usbmodem1101");
        assertThat(typed.path()).isEqualTo("/dev/cu.usbmodem1101");
        assertThat(typed.note()).contains("using /dev/cu.usbmodem1101, the call-out side of /dev/tty.usbmodem1101 "
                + "(opening the tty. side waits for a modem's carrier signal, which a Pico never sends)");
        assertThat(choose(OsFamily.MACOS, Map.of(), "serial:E661AA", MAC_TTY, MAC_CU))
                .isEqualTo("/dev/cu.usbmodem1101");
        assertThat(choose(OsFamily.LINUX, Map.of(), "/dev/tty.usbmodem1101")).as("only macOS has the twins")
                .isEqualTo("/dev/tty.usbmodem1101");
    }

    @Test
    void windowsNamesInEitherSpelling() {
        assertThat(choose(OsFamily.WINDOWS, Map.of(), "com5")).isEqualTo("COM5");
        assertThat(choose(OsFamily.WINDOWS, Map.of(), "\\\\.\\COM12")).isEqualTo("COM12");
        assertThat(choose(OsFamily.WINDOWS, Map.of(), null, WIN)).isEqualTo("COM12");
        assertThat(choose(OsFamily.WINDOWS, Map.of(), "serial:E661BB", WIN)).isEqualTo("COM12");
        assertThat(PortNames.display("\\\\.\\COM3")).isEqualTo("COM3");
        assertThat(PortNames.display("/dev/ttyACM0")).isEqualTo("/dev/ttyACM0");
    }

    @Test
    void anotherOsesPortNameIsExplained() {
        assertThatThrownBy(() -> choose(OsFamily.LINUX, Map.of(), "COM5")).isInstanceOfSatisfying(
                DeviceException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("'COM5' is a Windows port name, but this is Linux");
                    assertThat(e.hint()).startsWith("here the Pico's port looks like /dev/ttyACM0");
                });
        assertThatThrownBy(() -> choose(OsFamily.MACOS, Map.of(), "\\\\.\\COM12")).hasMessage("'\\\\.\\COM12' is a "
                + "Windows port name, but this is macOS");
        assertThatThrownBy(() -> choose(OsFamily.WINDOWS, Map.of(), "/dev/ttyACM0")).isInstanceOfSatisfying(
                DeviceException.class, e -> assertThat(e.hint()).startsWith("here the Pico's port looks like COM5"));
    }

    @Test
    void socketsPassUnchanged() {
        assertThat(choose(OsFamily.WINDOWS, Map.of(), "socket://127.0.0.1:2217")).isEqualTo("socket://127.0.0.1:2217");
        assertThat(selector(OsFamily.LINUX, Map.of()).choose("/dev/ttyACM0").note()).isEqualTo(Optional.empty());
    }

    @Test
    void osFamilyFromTheJavaProperty() {
        assertThat(OsFamily.of("Linux")).isEqualTo(OsFamily.LINUX);
        assertThat(OsFamily.of("Mac OS X")).isEqualTo(OsFamily.MACOS);
        assertThat(OsFamily.of("Windows 11")).isEqualTo(OsFamily.WINDOWS);
        assertThat(OsFamily.of("FreeBSD")).isEqualTo(OsFamily.OTHER);
        assertThat(OsFamily.of(null)).isEqualTo(OsFamily.OTHER);
    }
}
