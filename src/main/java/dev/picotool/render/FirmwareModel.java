package dev.picotool.render;

import dev.picotool.config.PicoConfig;
import dev.picotool.config.Schema;
import dev.picotool.config.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data templates/settings.py.ftl sees: the {@code settings.py} constants of the {@link Schema}, grouped, each with a
 * plain Java value (string, number, boolean, or an empty Optional for None) that {@code py()} writes as a Python
 * literal. The only place a secret's clear text enters the model.
 */
final class FirmwareModel {
    private FirmwareModel() {
    }

    static Map<String, Object> of(PicoConfig c, String version) {
        List<Map<String, Object>> groups = new ArrayList<>();
        Schema.firmwareConstants(c).forEach((title, constants) -> {
            List<Map<String, Object>> list = new ArrayList<>();
            constants.forEach((name, value) -> list.add(Map.of("name", name, "value", plain(value))));
            groups.add(Map.of("title", title, "constants", list));
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("groups", groups);
        return m;
    }

    private static Object plain(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        return value instanceof Secret s ? s.reveal() : value;
    }
}
