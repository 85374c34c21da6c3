package dev.picotool.board;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.util.Locale;

/** Where the sensor's VCC goes: 3V3(OUT), the safe supply, or VBUS, the USB 5 V (shown to explain the risk). */
public enum SensorPower {
    V3V3("3v3"), VBUS("vbus");

    private final String flag;

    SensorPower(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }

    /** Reads {@code --power 3v3|vbus}. */
    public static SensorPower parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (SensorPower p : values()) {
            if (p.flag.equals(t)) {
                return p;
            }
        }
        throw new PicoToolException(ExitCode.USAGE, "unknown power supply '" + text + "'",
                "use --power 3v3 (the sensor's VCC on 3V3(OUT), recommended) or --power vbus (shows why not)");
    }
}
