package dev.picotool.board;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which header pin each sensor pin goes to, with what to watch out for. The one source of the terminal drawing,
 * the wiring table and the SVG, so they always agree.
 */
public record WiringPlan(Board board, SensorSpec sensor, HeaderPin data, HeaderPin power, HeaderPin ground,
                         SensorPower supply) {

    /** One wire: a sensor pin and the header pin it goes to (empty for NC). */
    public record Wire(SensorSpec.SensorPin sensorPin, Optional<HeaderPin> headerPin) {
    }

    /** The plan for a data pin the board accepts, or a {@link PicoToolException} (exit 3) saying why not. */
    public static WiringPlan of(Board board, SensorSpec sensor, String pinName, SensorPower supply) {
        Pinout p = board.pinout();
        String name = pinName == null ? p.defaultSensorPin() : pinName;
        Optional<Pinout.PinRejection> rejected = p.rejection(name);
        if (rejected.isPresent()) {
            throw new PicoToolException(ExitCode.INVALID_CONFIG, "sensor.pin: " + rejected.get().problem(),
                    rejected.get().fix());
        }
        HeaderPin data = p.physical(p.find(name).orElseThrow().physical());
        HeaderPin power = p.physical(supply == SensorPower.VBUS ? p.vbusPin() : p.sensorPowerPin());
        return new WiringPlan(board, sensor, data, power, p.physical(p.sensorGroundPin()), supply);
    }

    /** Sensor pins 1-4 in order, each with its header pin. */
    public List<Wire> wires() {
        List<Wire> out = new ArrayList<>();
        for (SensorSpec.SensorPin s : sensor.pins()) {
            out.add(new Wire(s, Optional.ofNullable(switch (s.role()) {
                case "power" -> power;
                case "data" -> data;
                case "ground" -> ground;
                default -> null;
            })));
        }
        return out;
    }

    /** "3, 8, 13, 18, 23, 28, 38": every GND pin, since any of them does. */
    public String groundPins() {
        return board.pinout().groundPins().stream().map(h -> String.valueOf(h.physical()))
                .collect(Collectors.joining(", "));
    }

    public boolean onVbus() {
        return supply == SensorPower.VBUS;
    }

    /** Why the data pin is better kept free (UART0 TX by default...), or empty. */
    public Optional<String> dataCaution() {
        return data.caution().isEmpty() ? Optional.empty() : Optional.of(data.name() + " is " + data.caution());
    }

    /**
     * What a sensor on VBUS does to the data pin, from the board's GPIO voltage data: VBUS is the USB 5 V, the
     * sensor's pull-up (on the module, or the one you add to VCC) then holds DATA at 5 V.
     */
    public String vbusRisk() {
        Board.GpioVoltage v = board.gpioVoltage();
        HeaderPin vbus = board.pinout().physical(board.pinout().vbusPin());
        String head = "On " + vbus.name() + " (physical pin " + vbus.physical() + ", the USB 5 V) the " + sensor.name()
                + " runs at 5 V, and its pull-up (on the module, or the one you add to VCC) holds DATA, and so "
                + data.name() + ", at 5 V. ";
        String facts = v.note() + " (" + shortSource(v.source()) + ").";
        String chip;
        if (data.fiveVoltTolerant()) {
            chip = data.name() + " is one of the " + board.mcu() + "'s fault-tolerant pads. " + facts + " It survives 5 V"
                    + " only while the board is powered, with no margin, and nothing is gained by it.";
        } else if (v.fiveVoltTolerant()) {
            chip = data.name() + " is not one of the " + board.mcu() + "'s fault-tolerant pads. " + facts + " 5 V on "
                    + data.name() + " damages the chip.";
        } else {
            chip = facts + " 5 V on " + data.name() + " damages the chip.";
        }
        return head + chip;
    }

    /** The safe alternative: VCC on 3V3(OUT). */
    public String safeSupply() {
        HeaderPin safe = board.pinout().physical(board.pinout().sensorPowerPin());
        return "Power the " + sensor.name() + " from " + safe.name() + " (physical pin " + safe.physical()
                + ") instead: it works from " + volts(sensor.minSupplyVolts()) + " to " + volts(sensor.maxSupplyVolts())
                + ", so 3.3 V is enough, and DATA then never goes above 3.3 V.";
    }

    static String seconds(int ms) {
        return ms % 1000 == 0 ? (ms == 1000 ? "second" : ms / 1000 + " seconds") : ms / 1000.0 + " seconds";
    }

    static String volts(double v) {
        return (v == Math.rint(v) ? String.valueOf((int) v) : String.valueOf(v)) + " V";
    }

    /** "RP2040 datasheet, chapter 5 ..." without the URL, for a sentence. */
    private static String shortSource(String source) {
        return source.replaceAll(" \\(https?://[^)]*\\)", "");
    }
}
