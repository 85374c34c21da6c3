package dev.picotool.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** How the board looks after itself on a shelf: the watchdog, the status LED and the health telemetry. */
public final class DeviceSettings {
    /**
     * No chip's watchdog waits longer (the board data has each chip's own limit: RP2040 8.388 s, because erratum
     * RP2040-E1 makes its counter run at double speed; RP2350 about 16.7 s).
     */
    static final BigDecimal WATCHDOG_ANY_MAX_S = BigDecimal.valueOf(60);
    /**
     * The shortest useful watchdog: the firmware feeds it between blocking steps, and its longest step (a TLS
     * handshake, or one network read, whose timeout the firmware keeps 2 s below the watchdog's) needs about 2 s.
     */
    static final BigDecimal WATCHDOG_MIN_S = BigDecimal.valueOf(4);
    private static final int DIAGNOSTICS_MIN_S = 10;

    /** The status LED: on (blinks while connecting or after an error) or off. */
    public enum Led {
        ON,
        OFF;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private DeviceSettings() {
    }

    public static final Setting<BigDecimal> WATCHDOG = Setting.of("watchdog",
                    Types.decimal(BigDecimal.ZERO, WATCHDOG_ANY_MAX_S, "seconds"))
            .flags("--watchdog").label("SECONDS").help("Restart the board when the firmware hangs for this long "
                    + "(default 8, at most the chip's longest: 8.388 on the RP2040; 0 = off).").firmwareOnly().byDefault(BigDecimal.valueOf(8))
            .check((s, r) -> {
                BigDecimal max = BigDecimal.valueOf(r.context().board().watchdog().maxTimeoutMs(), 3);
                if (s.signum() != 0 && s.compareTo(WATCHDOG_MIN_S) < 0) {
                    throw new Invalid(s.toPlainString() + " s is too short for the board's longest step (a TLS "
                            + "handshake or a network timeout)", "use 0 (off) or " + WATCHDOG_MIN_S + " to "
                            + max.toPlainString() + " seconds");
                }
                if (s.compareTo(max) > 0) {
                    throw new Invalid(s.toPlainString() + " s is longer than the " + r.context().board().mcu()
                            + "'s watchdog can wait (" + max.toPlainString() + " s)", "use 0 (off) or "
                            + WATCHDOG_MIN_S + " to " + max.toPlainString() + " seconds");
                }
            })
            .export("WATCHDOG_MS", (s, c) -> s.movePointRight(3).intValue())
            .display(s -> s.signum() == 0 ? "off" : s.toPlainString() + " s").build();

    public static final Setting<Led> LED = Setting.of("led", Types.choice(Led.class))
            .flags("--led").label("on|off").help("The board's LED: slow blink while connecting, on when connected, "
                    + "fast blink after an error (default on).").firmwareOnly().byDefault(Led.ON)
            .export("STATUS_LED", (l, c) -> l == Led.ON).display(Led::id).build();

    public static final Setting<Integer> DIAGNOSTICS_INTERVAL = Setting.of("diagnostics_interval",
                    Types.integer(0, 86_400, "0 (off) or 10 to 86400 seconds"))
            .flags("--diagnostics-interval").label("SECONDS").help("Seconds between health reports on the "
                    + "diagnostics topic, also sent after each connect (default 60; 0 = off).")
            .byDefault(60)
            .check((s, r) -> {
                if (s != 0 && s < DIAGNOSTICS_MIN_S) {
                    throw new Invalid(s + " s is too often", "use 0 (off) or 10 to 86400 seconds");
                }
            })
            .export("DIAGNOSTICS_INTERVAL_S").display(s -> s == 0 ? "off" : s + " s").build();

    static final List<Setting<?>> ALL = List.of(WATCHDOG, LED, DIAGNOSTICS_INTERVAL);
}
