package dev.picotool.board;

import java.util.List;
import java.util.Optional;

/**
 * One of the 40 pins of the board's header, as the board's pinout drawing names it.
 *
 * @param kind        gpio, ground, power or control
 * @param gpio        the GPIO number for a GPIO pin
 * @param functions   the GPIO's alternate functions (SPI1 TX, UART0 RTS, I2C1 SCL, PWM7 B, ADC0)
 * @param caution     why a GPIO is better kept free (its default use), or empty
 * @param description what a power, ground or control pin is, or empty
 * @param fiveVoltTolerant whether the pad takes 5 V while the board is powered (RP2350 GPIO0-GPIO25 only)
 */
record HeaderPin(int physical, String name, String kind, Optional<Integer> gpio, List<String> functions,
                        String caution, String description, boolean fiveVoltTolerant) {
    public HeaderPin {
        functions = List.copyOf(functions);
    }

    public boolean isGpio() {
        return gpio.isPresent();
    }

    public boolean isGround() {
        return "ground".equals(kind) && name.equals("GND");
    }

    /** Pins 1-20 run down the left edge (USB at the top, seen from above), 21-40 up the right edge. */
    public boolean leftSide() {
        return physical <= 20;
    }

    /** 0 for the row nearest the USB connector, 19 for the farthest. */
    public int row() {
        return leftSide() ? physical - 1 : 40 - physical;
    }

    /** "GP15 (physical pin 20)". */
    public String label() {
        return name + " (physical pin " + physical + ")";
    }
}
