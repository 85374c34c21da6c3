package dev.picotool.config;

import java.util.List;

/** The {@code home_assistant:} settings and the device's name: how the board appears in Home Assistant. */
public final class HomeAssistantSettings {
    private HomeAssistantSettings() {
    }

    public static final Setting<Boolean> DISCOVERY = Setting.of("home_assistant.discovery", Types.BOOL)
            .flags("--ha-discovery").help("Announce the sensors to Home Assistant (MQTT discovery; default on).")
            .firmwareOnly().byDefault(true).display(on -> on ? "on" : "off").build();

    public static final Setting<String> PREFIX = Setting.of("home_assistant.prefix", Types.topic("homeassistant"))
            .flags("--ha-prefix").label("PREFIX").help("Home Assistant discovery prefix (default homeassistant).")
            .firmwareOnly().byDefault("homeassistant")
            .export("HA_DISCOVERY_PREFIX", (p, c) -> c.get(DISCOVERY) ? p : null)
            .shownWhen(c -> c.get(DISCOVERY)).display(v -> v).build();

    public static final Setting<String> DEVICE_NAME = Setting.of("device_name", Types.TEXT)
            .flags("--device-name").label("NAME").help("Name shown in Home Assistant (default Pico W).")
            .firmwareOnly().byDefault("Pico W")
            .check((n, r) -> {
                if (n.isBlank() || n.codePointCount(0, n.length()) > 64) {
                    throw new Invalid("must be 1 to 64 characters", "choose a shorter name");
                }
            })
            .export("DEVICE_NAME").build();

    static final List<Setting<?>> ALL = List.of(DISCOVERY, PREFIX, DEVICE_NAME);
}
