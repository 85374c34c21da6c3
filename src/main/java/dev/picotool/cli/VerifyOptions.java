package dev.picotool.cli;

import static dev.picotool.config.ConfigFields.*;

import dev.picotool.config.BrokerAddress;
import dev.picotool.config.ConfigError;
import dev.picotool.config.ConfigException;
import dev.picotool.config.PayloadFormat;
import dev.picotool.config.RawConfig;
import dev.picotool.config.Secret;
import dev.picotool.config.SecretSource;
import dev.picotool.config.SensorType;
import dev.picotool.config.YamlConfigLoader;
import dev.picotool.verify.BrokerConnection;
import dev.picotool.verify.Durations;
import dev.picotool.verify.Range;
import dev.picotool.verify.TopicExpectation;
import dev.picotool.verify.VerifyPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code verify} needs: the broker as this computer reaches it, and what the firmware publishes. The same names
 * as the firmware's flags and config file, so one --config serves both; Wi-Fi settings are not needed here.
 */
public class VerifyOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML file with the settings (flags override it; "
            + "its Wi-Fi part is ignored).")
    Path configFile;

    @Mixin
    MqttOptions mqtt = new MqttOptions();

    @Mixin
    TopicOptions topicFlags = new TopicOptions();

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Check this topic instead of the firmware's "
            + "(repeatable; no wildcards).")
    List<String> topics = new ArrayList<>();

    @Option(names = "--range", paramLabel = "MIN:MAX", description = "Plausible values on the --topic topics "
            + "(default: any number).")
    String range;

    @Option(names = "--sensor", paramLabel = "TYPE", description = "dht22 (default), dht11 or none (then only the "
            + "internal temperature is checked).")
    String sensor;

    @Option(names = "--payload", paramLabel = "FORMAT", description = "plain or json (default: accept both).")
    String payload;

    @Option(names = "--interval", paramLabel = "SECONDS", description = "The firmware's publish interval "
            + "(default 10; fractions allowed).")
    String interval;

    @Option(names = "--internal-range", paramLabel = "MIN:MAX", description = "Default -20:85 (°C).")
    String internalRange;

    @Option(names = "--temp-range", paramLabel = "MIN:MAX", description = "Default: the sensor's (DHT22 -40:80, "
            + "DHT11 0:50).")
    String tempRange;

    @Option(names = "--humidity-range", paramLabel = "MIN:MAX", description = "Default: the sensor's (DHT22 0:100, "
            + "DHT11 20:90).")
    String humidityRange;

    /** The broker connection; the password is looked up only when a user name is given. */
    BrokerConnection connection(SecretSource secrets) {
        RawConfig raw = raw();
        List<ConfigError> errors = new ArrayList<>();
        String address = raw.get(MQTT_BROKER).orElse("localhost");
        boolean useTls = raw.get(MQTT_TLS).map(Boolean::parseBoolean).orElse(false) || raw.get(MQTT_CA_FILE)
                .isPresent();
        Optional<BrokerAddress> parsed = BrokerAddress.parse(address, bad -> errors.add(new ConfigError(MQTT_BROKER,
                "port '" + bad + "' is not a number", "write HOST:PORT, e.g. 192.168.1.11:1883")));
        if (parsed.isEmpty() || !BrokerAddress.isValidHost(parsed.get().host())) {
            errors.add(new ConfigError(MQTT_BROKER, "'" + address + "' is not a host name or IP address",
                    "e.g. --broker 192.168.1.11 or --broker mybroker.local:1883"));
        }
        int port = useTls ? BrokerConnection.DEFAULT_TLS_PORT : BrokerConnection.DEFAULT_PORT;
        Optional<String> portText = raw.get(MQTT_PORT);
        if (parsed.isPresent() && parsed.get().port().isPresent()) {
            port = parsed.get().port().get();
        } else if (portText.isPresent()) {
            port = parse(MQTT_PORT, portText.get(), Integer::parseInt, "a port number", errors).orElse(port);
        }
        if (port < 1 || port > 65_535) {
            errors.add(new ConfigError(MQTT_PORT, "port " + port + " is not between 1 and 65535", "e.g. 1883"));
        }
        throwIfAny(errors);
        Optional<String> user = raw.get(MQTT_USERNAME);
        Optional<Secret> password = user.isPresent() ? Passwords.mqtt(raw, secrets) : Optional.empty();
        return new BrokerConnection(parsed.get().host(), port, user, password, useTls,
                raw.get(MQTT_CA_FILE).map(Path::of));
    }

    /** The topics, ranges and timing to check. */
    VerifyPlan plan(int count, String timeout, boolean expectStatus) {
        RawConfig raw = raw();
        List<ConfigError> errors = new ArrayList<>();
        SensorType sensorType = parse(SENSOR_TYPE, raw.get(SENSOR_TYPE).orElse("dht22"),
                s -> SensorType.valueOf(s.toUpperCase(Locale.ROOT)), "dht22, dht11 or none", errors)
                .orElse(SensorType.DHT22);
        Optional<PayloadFormat> format = raw.get(PAYLOAD).flatMap(p -> parse(PAYLOAD, p,
                s -> PayloadFormat.valueOf(s.toUpperCase(Locale.ROOT)), "plain or json", errors));
        Duration every = parse(INTERVAL, raw.get(INTERVAL).orElse("10"), Durations::parseSeconds,
                "seconds, e.g. 10 or 0.5", errors).orElse(Duration.ofSeconds(10));
        List<TopicExpectation> expect = new ArrayList<>();
        if (!topics.isEmpty()) {
            Optional<Range> r = rangeOption("--range", range, errors);
            topics.forEach(t -> expect.add(TopicExpectation.explicit(topic("--topic", t, errors), r)));
        } else {
            expect.add(withRange(TopicExpectation.internal(topic(TOPIC_INTERNAL, raw.get(TOPIC_INTERNAL)
                    .orElse(DEFAULT_TOPIC_INTERNAL), errors)), "--internal-range", internalRange, errors));
            if (sensorType != SensorType.NONE) {
                expect.add(withRange(TopicExpectation.temperature(topic(TOPIC_TEMPERATURE, raw.get(TOPIC_TEMPERATURE)
                        .orElse(DEFAULT_TOPIC_TEMPERATURE), errors), sensorType), "--temp-range", tempRange, errors));
                expect.add(withRange(TopicExpectation.humidity(topic(TOPIC_HUMIDITY, raw.get(TOPIC_HUMIDITY)
                        .orElse(DEFAULT_TOPIC_HUMIDITY), errors), sensorType), "--humidity-range", humidityRange,
                        errors));
            }
        }
        if (count < 1) {
            errors.add(new ConfigError("--count", "must be at least 1", "e.g. --count 3"));
        }
        Duration wait = timeout == null ? VerifyPlan.defaultTimeout(Math.max(count, 1), every)
                : parse("--timeout", timeout, Durations::parseSeconds, "seconds, e.g. 60", errors)
                        .orElse(Duration.ofSeconds(60));
        Optional<String> status = expectStatus ? Optional.of(topic(TOPIC_STATUS, raw.get(TOPIC_STATUS)
                .orElse(DEFAULT_TOPIC_STATUS), errors)) : Optional.empty();
        throwIfAny(errors);
        return new VerifyPlan(expect, count, every, wait, status, format);
    }

    private RawConfig raw() {
        RawConfig flags = topicFlags.putInto(mqtt.putInto(new RawConfig()));
        RawConfig raw = configFile == null ? new RawConfig() : YamlConfigLoader.load(configFile);
        return raw.putAll(flags).putAll(new RawConfig().put(SENSOR_TYPE, sensor).put(PAYLOAD, payload)
                .put(INTERVAL, interval));
    }

    private static TopicExpectation withRange(TopicExpectation e, String flag, String text, List<ConfigError> errs) {
        return rangeOption(flag, text, errs).map(e::withRange).orElse(e);
    }

    private static Optional<Range> rangeOption(String flag, String text, List<ConfigError> errors) {
        return text == null ? Optional.empty() : parse(flag, text, Range::parse, "MIN:MAX, e.g. -10:45", errors);
    }

    private static String topic(String field, String t, List<ConfigError> errors) {
        if (t.isEmpty() || t.contains("+") || t.contains("#")) {
            errors.add(new ConfigError(field, "'" + t + "' is not a topic name (no wildcards here)",
                    "give the exact topic the Pico publishes to, e.g. " + DEFAULT_TOPIC_TEMPERATURE));
        }
        return t;
    }

    private static <T> Optional<T> parse(String field, String text, Function<String, T> parser, String expected,
                                         List<ConfigError> errors) {
        try {
            return Optional.of(parser.apply(text.trim()));
        } catch (IllegalArgumentException e) {
            errors.add(new ConfigError(field, "'" + text + "' is not " + expected, "use " + expected));
            return Optional.empty();
        }
    }

    private static void throwIfAny(List<ConfigError> errors) {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }
}
