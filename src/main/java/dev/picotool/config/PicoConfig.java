package dev.picotool.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one validated, immutable configuration: each {@link Setting} of the {@link Schema} to its value. Everything
 * downstream (rendering, flashing, verifying) reads this and validates nothing again. Secrets are {@link Secret}s, so
 * printing the configuration never shows them.
 */
public final class PicoConfig {
    private final Map<Setting<?>, Object> values;
    private final Map<Setting<?>, Origin> origins;
    private final List<String> warnings;
    private final Use use;

    PicoConfig(Map<Setting<?>, Object> values, Map<Setting<?>, Origin> origins, List<String> warnings, Use use) {
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(new HashMap<>(origins));
        this.warnings = List.copyOf(warnings);
        this.use = use;
    }

    /** The value of a setting that always has one (it has a default, or is required). */
    public <T> T get(Setting<T> s) {
        return find(s).orElseThrow(() -> new IllegalStateException(s + " has no value"));
    }

    /** The value of a setting, empty when it was not given and has no default. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(Setting<T> s) {
        return Optional.ofNullable((T) values.get(s));
    }

    /** Every value, for tests that build a configuration no validator would accept (in this package). */
    Map<Setting<?>, Object> values() {
        return values;
    }

    Map<Setting<?>, Origin> origins() {
        return origins;
    }

    /** Where the value came from: a flag, a file position, or the default. */
    public Origin origin(Setting<?> s) {
        return origins.getOrDefault(s, Origin.DEFAULT);
    }

    /** Things worth knowing that do not stop the run (a CA certificate that expires soon). */
    public List<String> warnings() {
        return warnings;
    }

    public Use use() {
        return use;
    }

    /** host:port of the broker, brackets around an IPv6 address. */
    public String brokerAddress() {
        return get(MqttSettings.BROKER).withPort(get(MqttSettings.PORT));
    }

    /** The reading topics for the configured sensor (the internal temperature is always there). */
    public List<String> readingTopics() {
        return get(SensorSettings.TYPE) == SensorType.NONE ? List.of(get(TopicSettings.INTERNAL))
                : List.of(get(TopicSettings.INTERNAL), get(TopicSettings.TEMPERATURE), get(TopicSettings.HUMIDITY));
    }

    /**
     * The same settings aimed at another broker, as {@code picotool test} runs them against its embedded one: that
     * host and port, plain MQTT (the embedded broker has no certificate the user's CA signed), the same login.
     */
    public PicoConfig withBroker(String host, int port) {
        Map<Setting<?>, Object> v = new HashMap<>(values);
        Map<Setting<?>, Origin> o = new HashMap<>(origins);
        Origin here = Origin.flag("(picotool test)");
        v.put(MqttSettings.BROKER, new BrokerAddress(host, java.util.Optional.empty()));
        v.put(MqttSettings.PORT, port);
        v.put(MqttSettings.TLS, false);
        v.put(MqttSettings.ALLOW_LOOPBACK, true);
        v.remove(MqttSettings.CA_FILE);
        List.of(MqttSettings.BROKER, MqttSettings.PORT, MqttSettings.TLS, MqttSettings.CA_FILE).forEach(s -> o.put(s,
                here));
        return new PicoConfig(v, o, warnings, use);
    }

    @Override
    public String toString() {
        return Schema.ALL.stream().filter(values::containsKey).map(s -> s.key() + "=" + values.get(s))
                .collect(Collectors.joining(", ", "PicoConfig{", "}"));
    }
}
