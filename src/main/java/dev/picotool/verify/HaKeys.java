package dev.picotool.verify;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The keys Home Assistant takes in an MQTT sensor's discovery document, each as its abbreviation and its full name.
 * Home Assistant drops keys it does not know without a word (its discovery schema removes extras), so a misspelt key
 * is a setting silently lost: verify names it.
 *
 * <p>Sources: {@code homeassistant/components/mqtt/abbreviations.py} (ABBREVIATIONS, DEVICE_ABBREVIATIONS,
 * ORIGIN_ABBREVIATIONS; e.g. home-assistant/core commit 05efb6ea19079f4add6d808eaa251d4977b6679d for the older keys)
 * and the MQTT integration's documentation, https://www.home-assistant.io/integrations/mqtt/ ("Supported
 * abbreviations in MQTT discovery messages", "Device discovery payload"), for those added since: {@code o},
 * {@code cmps}, {@code p}, {@code sug_dsp_prc}, and {@code mdl_id}, {@code sn} in the device. Only the options of an
 * MQTT sensor ({@code homeassistant/components/mqtt/sensor.py} with the entity options every MQTT entity has).
 */
final class HaKeys {
    /** Abbreviation → full name, for a sensor's own options (and the shared ones of a device document). */
    static final Map<String, String> SENSOR = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("uniq_id", "unique_id"), Map.entry("obj_id", "object_id"),
            Map.entry("stat_t", "state_topic"), Map.entry("val_tpl", "value_template"),
            Map.entry("dev_cla", "device_class"), Map.entry("unit_of_meas", "unit_of_measurement"),
            Map.entry("stat_cla", "state_class"), Map.entry("sug_dsp_prc", "suggested_display_precision"),
            Map.entry("exp_aft", "expire_after"), Map.entry("frc_upd", "force_update"),
            Map.entry("lrst_val_tpl", "last_reset_value_template"), Map.entry("ops", "options"),
            Map.entry("ent_cat", "entity_category"), Map.entry("en", "enabled_by_default"), Map.entry("ic", "icon"),
            Map.entry("json_attr_t", "json_attributes_topic"), Map.entry("json_attr_tpl", "json_attributes_template"),
            Map.entry("avty", "availability"), Map.entry("avty_t", "availability_topic"),
            Map.entry("avty_tpl", "availability_template"), Map.entry("avty_mode", "availability_mode"),
            Map.entry("pl_avail", "payload_available"), Map.entry("pl_not_avail", "payload_not_available"),
            Map.entry("e", "encoding"), Map.entry("qos", "qos"), Map.entry("dev", "device"),
            Map.entry("o", "origin"), Map.entry("~", "~"));
    /** Only in a component of a device document. */
    static final Map<String, String> COMPONENT = Map.of("p", "platform");
    /** Only at the top of a device document. */
    static final Map<String, String> DEVICE_DOCUMENT = Map.of("cmps", "components");
    /** Inside {@code dev}. */
    static final Map<String, String> DEVICE = Map.ofEntries(Map.entry("ids", "identifiers"),
            Map.entry("cns", "connections"), Map.entry("name", "name"), Map.entry("mf", "manufacturer"),
            Map.entry("mdl", "model"), Map.entry("mdl_id", "model_id"), Map.entry("hw", "hw_version"),
            Map.entry("sw", "sw_version"), Map.entry("sn", "serial_number"), Map.entry("sa", "suggested_area"),
            Map.entry("cu", "configuration_url"), Map.entry("via_device", "via_device"));
    /** Inside {@code o}. */
    static final Map<String, String> ORIGIN = Map.of("name", "name", "sw", "sw_version", "url", "support_url");

    private HaKeys() {
    }

    /** Every key of these tables, abbreviated or in full. */
    @SafeVarargs
    static Set<String> accepted(Map<String, String>... tables) {
        return Stream.of(tables).flatMap(t -> Stream.concat(t.keySet().stream(), t.values().stream()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The key's abbreviation and its full name, to look either up: {@code stat_t} → [stat_t, state_topic]. */
    static String[] both(Map<String, String> table, String abbreviation) {
        return new String[] {abbreviation, table.getOrDefault(abbreviation, abbreviation)};
    }
}
