package dev.picotool.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of one board, from {@code pinouts/<board>.json}: the 40 physical pins, which GPIOs are on it and which
 * the board keeps for itself. The code knows no pin numbers of its own; they all come from the data file.
 */
public final class Pinout {
    private static final Pattern PIN_NAME = Pattern.compile("(?:GP|GPIO)?(\\d{1,2})");

    private final String board;
    private final String defaultSensorPin;
    private final int powerPin;
    private final int groundPin;
    private final int vbusPin;
    private final List<HeaderPin> header;
    private final Map<Integer, Pin> pins;
    private final Map<Integer, ReservedGpio> reserved;

    Pinout(String board, DataFile d) {
        this.board = board;
        this.defaultSensorPin = d.str("defaultSensorPin");
        this.powerPin = d.integer("sensorPowerPin");
        this.groundPin = d.integer("sensorGroundPin");
        this.vbusPin = d.integer("vbusPin");
        List<HeaderPin> all = new ArrayList<>();
        Map<Integer, Pin> gpios = new LinkedHashMap<>();
        for (DataFile p : d.objects("pins")) {
            HeaderPin h = new HeaderPin(p.integer("physical"), p.str("name"), p.str("kind"), p.optionalInt("gpio"),
                    p.has("functions") ? p.strings("functions") : List.of(), p.optionalStr("caution").orElse(""),
                    p.optionalStr("description").orElse(""), p.has("fiveVoltTolerant") && p.bool("fiveVoltTolerant"));
            all.add(h);
            h.gpio().ifPresent(g -> gpios.put(g, new Pin(h.name(), g, h.physical(), h.caution())));
        }
        this.header = List.copyOf(all);
        this.pins = gpios;
        Map<Integer, ReservedGpio> res = new LinkedHashMap<>();
        for (DataFile r : d.objects("reserved")) {
            res.put(r.integer("gpio"), new ReservedGpio(r.str("name"), r.integer("gpio"), r.str("function"),
                    r.str("reason")));
        }
        this.reserved = res;
    }

    /** The Pico W pinout shipped in the jar. */
    public static Pinout picoW() {
        return Boards.get(BoardId.PICO_W).pinout();
    }

    /** The board's display name, e.g. Raspberry Pi Pico W. */
    public String board() {
        return board;
    }

    public String defaultSensorPin() {
        return defaultSensorPin;
    }

    /** Physical pin of 3V3(OUT), where a 3.3 V sensor takes its power. */
    public int sensorPowerPin() {
        return powerPin;
    }

    public int sensorGroundPin() {
        return groundPin;
    }

    /** Physical pin of VBUS (USB 5 V), the supply a sensor must not take. */
    public int vbusPin() {
        return vbusPin;
    }

    /** The GPIOs on the header, in GPIO order. */
    public List<Pin> pins() {
        return new ArrayList<>(pins.values());
    }

    /** All 40 header pins, in physical order. */
    public List<HeaderPin> header() {
        return header;
    }

    public HeaderPin physical(int number) {
        return header.stream().filter(h -> h.physical() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no physical pin " + number));
    }

    /** The plain GND pins (AGND is the ADC's reference). */
    public List<HeaderPin> groundPins() {
        return header.stream().filter(HeaderPin::isGround).toList();
    }

    public List<ReservedGpio> reserved() {
        return List.copyOf(reserved.values());
    }

    /** Accepts GP15, gp15, GPIO15 or 15. */
    public Optional<Pin> find(String name) {
        return gpioNumber(name).map(pins::get);
    }

    /** Why a GPIO cannot be used, when it is reserved by the board. */
    public Optional<String> reservedReason(String name) {
        return gpioNumber(name).map(reserved::get).map(ReservedGpio::reason);
    }

    /**
     * Why {@code name} cannot carry a sensor, with the fix; empty when it is a usable header GPIO. The same words as
     * the settings validator's, from the same data.
     */
    public Optional<PinRejection> rejection(String name) {
        name = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?"); // shown back: no terminal escapes
        Optional<String> reason = reservedReason(name);
        if (reason.isPresent()) {
            return Optional.of(new PinRejection(name + " cannot be used: " + reason.get(),
                    "wire the sensor to another GPIO, e.g. --pin " + defaultSensorPin + " (valid: " + validNames()
                            + ")"));
        }
        if (find(name).isEmpty()) {
            return Optional.of(new PinRejection("'" + name + "' is not a GPIO on the " + board, "use one of "
                    + validNames() + " (the GP number printed next to the pin, not the physical pin number)"));
        }
        return Optional.empty();
    }

    /** "GP0-GP22, GP26-GP28": runs of consecutive GPIOs shown as ranges. */
    public String validNames() {
        StringBuilder sb = new StringBuilder();
        List<Pin> all = pins();
        for (int i = 0; i < all.size(); i++) {
            int start = i;
            while (i + 1 < all.size() && all.get(i + 1).gpio() == all.get(i).gpio() + 1) {
                i++;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(all.get(start).name());
            if (i > start) {
                sb.append('-').append(all.get(i).name());
            }
        }
        return sb.toString();
    }

    private static Optional<Integer> gpioNumber(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = PIN_NAME.matcher(name.trim().toUpperCase(Locale.ROOT));
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** Why a pin was refused ({@code problem}) and what to do ({@code fix}). */
    public record PinRejection(String problem, String fix) {
    }
}
