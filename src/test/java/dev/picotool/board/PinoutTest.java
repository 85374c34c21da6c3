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
    void validNamesAreRanges() {
        assertThat(PICO_W.validNames()).isEqualTo("GP0-GP22, GP26-GP28");
        assertThat(PICO_W.defaultSensorPin()).isEqualTo("GP15");
        assertThat(PICO_W.find("GP4").orElseThrow().hasCaution()).isTrue();
        assertThat(PICO_W.find("GP15").orElseThrow().hasCaution()).isFalse();
    }

    @Test
    void theWatchdogRegisterComesFromTheBoardData() {
        // RP2040 datasheet, watchdog block at 0x40058000, CTRL at offset 0, ENABLE is bit 30
        assertThat(PICO_W.watchdog()).contains(new Watchdog("RP2040", 0x40058000L, 30, 8388));
    }
}
