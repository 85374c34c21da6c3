package dev.picotool.board;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Board facts from {@code pinouts/<board>.json}: which GPIOs are on the header, which are taken by the wireless chip.
 * The code knows no pin numbers of its own; they all come from the data file.
 */
public final class Pinout {
    private static final Pattern PIN_NAME = Pattern.compile("(?:GP|GPIO)?(\\d{1,2})");

    private final String board;
    private final String defaultSensorPin;
    private final int powerPin;
    private final int groundPin;
    private final Map<Integer, Pin> pins;
    private final Map<Integer, String> reserved;
    private final Optional<Watchdog> watchdog;

    private Pinout(String board, String defaultSensorPin, int powerPin, int groundPin, Map<Integer, Pin> pins,
                   Map<Integer, String> reserved, Optional<Watchdog> watchdog) {
        this.board = board;
        this.defaultSensorPin = defaultSensorPin;
        this.powerPin = powerPin;
        this.groundPin = groundPin;
        this.pins = pins;
        this.reserved = reserved;
        this.watchdog = watchdog;
    }

    /** The Pico W pinout shipped in the jar. */
    public static Pinout picoW() {
        return load("/pinouts/pico_w.json");
    }

    @SuppressWarnings("unchecked")
    static Pinout load(String resource) {
        try (InputStream in = Pinout.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PicoToolException(ExitCode.INTERNAL, "board data " + resource + " is missing from the jar",
                        "rebuild picotool");
            }
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<Integer, Pin> pins = new LinkedHashMap<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) doc.get("pins")) {
                int gpio = (Integer) p.get("gpio");
                pins.put(gpio, new Pin((String) p.get("name"), gpio, (Integer) p.get("physical"),
                        (String) p.get("caution")));
            }
            Map<Integer, String> reserved = new LinkedHashMap<>();
            for (Map<String, Object> r : (List<Map<String, Object>>) doc.get("reserved")) {
                reserved.put((Integer) r.get("gpio"), (String) r.get("reason"));
            }
            Optional<Watchdog> watchdog = Optional.ofNullable((Map<String, Object>) doc.get("watchdog"))
                    .map(w -> new Watchdog((String) doc.get("mcu"), Long.decode((String) w.get("ctrl")),
                            (Integer) w.get("enableBit"), (Integer) w.get("maxTimeoutMs")));
            return new Pinout((String) doc.get("board"), (String) doc.get("defaultSensorPin"),
                    (Integer) doc.get("sensorPowerPin"), (Integer) doc.get("sensorGroundPin"), pins, reserved,
                    watchdog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String board() {
        return board;
    }

    public String defaultSensorPin() {
        return defaultSensorPin;
    }

    public int sensorPowerPin() {
        return powerPin;
    }

    public int sensorGroundPin() {
        return groundPin;
    }

    /** The chip's watchdog (how picotool stops one the firmware started), when the board data describes it. */
    public Optional<Watchdog> watchdog() {
        return watchdog;
    }

    public List<Pin> pins() {
        return new ArrayList<>(pins.values());
    }

    /** Accepts GP15, gp15, GPIO15 or 15. */
    public Optional<Pin> find(String name) {
        return gpioNumber(name).map(pins::get);
    }

    /** Why a GPIO cannot be used, when it is reserved by the board. */
    public Optional<String> reservedReason(String name) {
        return gpioNumber(name).map(reserved::get);
    }

    public String validNames() {
        StringBuilder sb = new StringBuilder();
        List<Pin> all = pins();
        // Runs of consecutive GPIOs are shown as ranges: GP0-GP22, GP26-GP28.
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
        Matcher m = PIN_NAME.matcher(name.trim().toUpperCase(Locale.ROOT));
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
