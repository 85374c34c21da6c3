package dev.picotool.board;

import java.util.List;
import java.util.Optional;

/**
 * Everything picotool knows about one board, read from {@code pinouts/<id>.json}: what MicroPython calls it, how it
 * shows up over USB and in BOOTSEL mode, the chip's facts the firmware depends on, and its header.
 *
 * @param name                  display name, e.g. Raspberry Pi Pico W
 * @param micropythonBoard      the MicroPython build for it (RPI_PICO_W), also {@code sys.implementation._build}
 * @param machine               {@code sys.implementation._machine}: board name + " with " + MCU
 * @param wireless              whether the board has the CYW43 Wi-Fi chip (and its build a {@code network} module)
 * @param uf2FamilyId           the UF2 family id of a MicroPython build for this board
 * @param uf2FamilyIds          every family id a MicroPython UF2 for this board may carry
 * @param bootselDrive          the volume name of the USB drive in BOOTSEL mode
 * @param temperatureAdcChannel the ADC channel of the chip's temperature sensor
 */
public record Board(BoardId id, String name, String mcu, String micropythonBoard, String machine, boolean wireless,
                    UsbId usb, long uf2FamilyId, List<Long> uf2FamilyIds, String bootselDrive,
                    int temperatureAdcChannel, Watchdog watchdog, Led led, GpioVoltage gpioVoltage,
                    List<String> sources, Pinout pinout) {

    /** The USB ids MicroPython's rp2 port enumerates with (VID Raspberry Pi). */
    public record UsbId(int vid, int pid) {
        /** "2E8A:0005". */
        public String text() {
            return String.format("%04X:%04X", vid, pid);
        }
    }

    /** The on-board LED: {@code Pin(name)}; a GPIO on the plain Pico, a wireless-chip pin on the W boards. */
    public record Led(String name, Optional<Integer> gpio, String wiredTo) {
    }

    /**
     * What voltage the GPIOs take.
     *
     * @param maxVolts                 absolute maximum on a GPIO that is not 5 V tolerant (IOVDD + 0.5 V)
     * @param fiveVoltTolerantMaxVolts absolute maximum on a 5 V tolerant pad while powered (0 when there are none)
     * @param note                     the datasheet's statement in words
     */
    public record GpioVoltage(double maxVolts, boolean fiveVoltTolerant, double fiveVoltTolerantMaxVolts,
                              String note, String source) {
    }

    static Board load(BoardId id) {
        DataFile d = DataFile.load(id.resource());
        if (!d.str("id").equals(id.id())) {
            throw DataFile.broken(id.resource(), "has id '" + d.str("id") + "'");
        }
        DataFile usb = d.object("usb");
        DataFile wd = d.object("watchdog");
        DataFile led = d.object("led");
        DataFile v = d.object("gpioVoltage");
        String name = d.str("board");
        return new Board(id, name, d.str("mcu"), d.str("micropythonBoard"), d.str("machine"), d.bool("wireless"),
                new UsbId((int) usb.hex("vid"), (int) usb.hex("pid")), d.hex("uf2FamilyId"),
                d.hexes("uf2FamilyIds"),
                d.str("bootselDrive"), d.integer("temperatureAdcChannel"),
                new Watchdog(d.str("mcu"), wd.hex("ctrl"), wd.integer("enableBit"), wd.integer("maxTimeoutMs")),
                new Led(led.str("name"), led.optionalInt("gpio"), led.str("wiredTo")),
                new GpioVoltage(v.number("maxVolts"), v.bool("fiveVoltTolerant"),
                        v.has("fiveVoltTolerantMaxVolts") ? v.number("fiveVoltTolerantMaxVolts") : 0, v.str("note"),
                        v.str("source")),
                d.strings("source"), new Pinout(name, d));
    }

    /** Where MicroPython publishes the build for this board: https://micropython.org/download/RPI_PICO_W/. */
    public String firmwareDownload() {
        return "https://micropython.org/download/" + micropythonBoard + "/";
    }
}
