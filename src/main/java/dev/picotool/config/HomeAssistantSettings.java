package dev.picotool.config;

import java.util.List;
import java.util.Locale;

/** The {@code home_assistant:} settings and the device's name: how the board appears in Home Assistant. */
public final class HomeAssistantSettings {
    private static final int MAX_NAME_CHARS = 64;

    /**
     * How the board announces itself: one document for the whole device ({@code <prefix>/device/<id>/config}, Home
     * Assistant 2024.11 and later) or one per entity ({@code <prefix>/sensor/<id>_<what>/config}, older versions).
     */
    public enum Mode {
        DEVICE,
        COMPONENT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private HomeAssistantSettings() {
    }

    public static final Setting<Boolean> DISCOVERY = Setting.of("home_assistant.discovery", Types.BOOL)
            .flags("--ha-discovery").help("Announce the sensors to Home Assistant (MQTT discovery; default on).")
            .firmwareOnly().byDefault(true).display(on -> on ? "on" : "off").build();

    public static final Setting<String> PREFIX = Setting.of("home_assistant.prefix", Types.topic("homeassistant"))
            .flags("--ha-prefix").label("PREFIX").help("Home Assistant discovery prefix (default homeassistant).")
            .byDefault("homeassistant")
            .export("HA_DISCOVERY_PREFIX", (p, c) -> c.get(DISCOVERY) ? p : null)
            .shownWhen(c -> c.use() == Use.VERIFY || c.get(DISCOVERY)).display(v -> v).build();

    public static final Setting<Mode> MODE = Setting.of("home_assistant.mode", Types.choice(Mode.class))
            .flags("--ha-discovery-mode").label("device|component").help("device: one discovery document per "
                    + "board (Home Assistant 2024.11+, the default); component: one per sensor, for older versions.")
            .firmwareOnly().byDefault(Mode.DEVICE).export("HA_DISCOVERY_MODE", (m, c) -> m.id())
            .shownWhen(c -> c.get(DISCOVERY)).display(Mode::id).build();

    public static final Setting<String> DEVICE_NAME = Setting.of("device_name", Types.TEXT)
            .flags("--device-name").label("NAME").help("Name shown in Home Assistant (default 'Pico W {id4}': the "
                    + "last 4 hex digits of the board id, so two boards differ; {id} is the whole id).")
            .byDefault("Pico W " + Placeholders.ID4)
            .check((n, r) -> {
                Placeholders.check(n, Placeholders.IN_NAME);
                String expanded = Placeholders.expand(n, "0".repeat(Placeholders.ID_DIGITS), "");
                if (n.isBlank() || expanded.codePointCount(0, expanded.length()) > MAX_NAME_CHARS) {
                    throw new Invalid("must be 1 to " + MAX_NAME_CHARS + " characters (with {id} as 16)",
                            "choose a shorter name");
                }
            })
            .export("DEVICE_NAME").build();

    static final List<Setting<?>> ALL = List.of(DISCOVERY, PREFIX, MODE, DEVICE_NAME);
}
