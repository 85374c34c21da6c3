package dev.picotool.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PinoutTest {
    static final Pinout PICO_W = Pinout.picoW();

    @ParameterizedTest
    @CsvSource({"GP15,15,20", "gp0,0,1", "GPIO22,22,29", "28,28,34", "GP26,26,31"})
    void findsHeaderPins(String name, int gpio, int physical) {
        Pin p = PICO_W.find(name).orElseThrow();
        assertThat(p.gpio()).isEqualTo(gpio);
        assertThat(p.physical()).isEqualTo(physical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GP23", "GP24", "GP25", "GP29"})
    void wirelessChipPinsAreReservedAndNotOnTheHeader(String name) {
        assertThat(PICO_W.reservedReason(name)).hasValueSatisfying(r -> assertThat(r).contains("wireless chip"));
        assertThat(PICO_W.find(name)).isEmpty();
    }

    @Test
    void rejectionsAreWordedLikeTheValidatorsFromTheSameData() {
        assertThat(PICO_W.rejection("GP15")).isEmpty();
        assertThat(PICO_W.rejection("gp25")).hasValueSatisfying(r -> {
            assertThat(r.problem()).isEqualTo("gp25 cannot be used: it is the wireless chip's SPI chip select (on a "
                    + "plain Pico it was the LED; on a Pico W the LED is Pin(\"LED\"))");
            assertThat(r.fix()).isEqualTo("wire the sensor to another GPIO, e.g. --pin GP15 (valid: GP0-GP22, "
                    + "GP26-GP28)");
        });
        assertThat(PICO_W.rejection("pin 20")).hasValueSatisfying(r -> assertThat(r.problem())
                .isEqualTo("'pin 20' is not a GPIO on the Raspberry Pi Pico W"));
        assertThat(PICO_W.rejection("GP30")).isPresent();
        assertThat(PICO_W.rejection("\u001b[2J")).hasValueSatisfying(r -> assertThat(r.problem())
                .isEqualTo("'?[2J' is not a GPIO on the Raspberry Pi Pico W"));
    }

    @Test
    void validNamesAreRanges() {
        assertThat(PICO_W.validNames()).isEqualTo("GP0-GP22, GP26-GP28");
        assertThat(PICO_W.defaultSensorPin()).isEqualTo("GP15");
        assertThat(PICO_W.find("GP4").orElseThrow().hasCaution()).isTrue();
        assertThat(PICO_W.find("GP15").orElseThrow().hasCaution()).isFalse();
    }

    @Test
    void theWatchdogRegisterComesFromTheBoardData() {
        // RP2040 datasheet, watchdog block at 0x40058000, CTRL at offset 0, ENABLE is bit 30
        assertThat(Boards.watchdogs()).contains(new Watchdog("RP2040", 0x40058000L, 30, 8388));
    }
}
