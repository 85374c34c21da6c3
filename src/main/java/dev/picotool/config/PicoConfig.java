package dev.picotool.config;

import dev.picotool.board.Pin;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one validated, immutable configuration. Everything downstream (rendering, flashing, verifying) reads this;
 * nothing downstream validates again. Secrets are {@link Secret}s so that printing a record never shows them.
 */
public record PicoConfig(Wifi wifi, Mqtt mqtt, Topics topics, Sensor sensor, int intervalSeconds,
                         PayloadFormat payload, HomeAssistant homeAssistant, String deviceName) {

    /** password empty = an open network (explicitly asked for). */
    public record Wifi(String ssid, Optional<Secret> password, String country, Optional<String> hostname,
                       int timeoutSeconds) {
    }

    public record Mqtt(String host, int port, Optional<String> username, Optional<Secret> password, boolean tls,
                       Optional<Path> caFile, Optional<String> clientId, int keepaliveSeconds, int qos,
                       boolean loopbackAllowed) {
        /** host:port, with brackets around an IPv6 literal. */
        public String address() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public record Topics(String internal, String temperature, String humidity, String status) {
        /** The reading topics for the given sensor (the internal temperature is always there). */
        public List<String> readings(SensorType sensor) {
            return sensor == SensorType.NONE ? List.of(internal) : List.of(internal, temperature, humidity);
        }
    }

    public record Sensor(SensorType type, Pin pin) {
    }

    public record HomeAssistant(boolean enabled, String prefix) {
    }
}
