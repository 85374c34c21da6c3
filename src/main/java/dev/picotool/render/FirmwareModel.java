package dev.picotool.render;

import dev.picotool.config.PicoConfig;
import dev.picotool.config.Secret;
import dev.picotool.config.SensorType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data the templates see, prepared from a validated {@link PicoConfig}: plain strings, numbers, booleans and
 * Optionals (rendered as None by {@code py()}). Templates never see config records or do any logic beyond choosing
 * code blocks. The only place a secret's clear text enters the model.
 */
public final class FirmwareModel {
    /** Device path of the broker CA certificate, when one is configured. */
    public static final String CA_FILE = "ca.pem";

    private FirmwareModel() {
    }

    public static Map<String, Object> of(PicoConfig c, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("wifi", Map.of("ssid", c.wifi().ssid(), "password", c.wifi().password().map(Secret::reveal),
                "country", c.wifi().country(), "hostname", c.wifi().hostname(), "timeout", c.wifi().timeoutSeconds()));
        PicoConfig.Mqtt q = c.mqtt();
        Map<String, Object> mqtt = new LinkedHashMap<>();
        mqtt.put("host", q.host());
        mqtt.put("port", q.port());
        mqtt.put("user", q.username());
        mqtt.put("password", q.password().map(Secret::reveal));
        mqtt.put("auth", q.username().isPresent());
        mqtt.put("tls", q.tls());
        mqtt.put("caFile", q.caFile().map(f -> CA_FILE));
        mqtt.put("clientId", q.clientId());
        mqtt.put("keepalive", q.keepaliveSeconds());
        mqtt.put("qos", q.qos());
        m.put("mqtt", mqtt);
        m.put("topics", Map.of("internal", c.topics().internal(), "temperature", c.topics().temperature(),
                "humidity", c.topics().humidity(), "status", c.topics().status()));
        SensorType type = c.sensor().type();
        m.put("sensor", Map.of("type", type.id(), "pin", c.sensor().pin().gpio(), "pinName", c.sensor().pin().name(),
                "kind", type == SensorType.NONE ? Optional.empty() : Optional.of(type.id())));
        m.put("interval", c.intervalSeconds());
        m.put("payload", c.payload().id());
        m.put("ha", Map.of("enabled", c.homeAssistant().enabled(), "prefix", c.homeAssistant().enabled()
                ? Optional.of(c.homeAssistant().prefix()) : Optional.empty()));
        m.put("deviceName", c.deviceName());
        return m;
    }
}
