package dev.picotool.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Configurations no validator would accept, for tests that push hostile values through the renderer: a validated
 * base with some settings replaced (a null value removes the setting).
 */
public final class UncheckedConfigs {
    private UncheckedConfigs() {
    }

    public static PicoConfig with(PicoConfig base, Map<Setting<?>, Object> replaced) {
        Map<Setting<?>, Object> values = new HashMap<>(base.values());
        replaced.forEach((s, v) -> {
            if (v == null) {
                values.remove(s);
            } else {
                values.put(s, v);
            }
        });
        return new PicoConfig(values, base.origins(), List.of(), base.use());
    }
}
