package dev.picotool.config;

import static dev.picotool.config.ConfigFields.*;

import dev.picotool.board.Pin;
import dev.picotool.board.Pinout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Turns {@link RawConfig} into a {@link PicoConfig}, or a {@link ConfigException} listing every problem at once. */
public final class ConfigValidator {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?");
    private static final Pattern HEX64 = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,23}");

    private final Pinout pinout;
    private final SecretSource secrets;
    private final Supplier<List<String>> lanAddresses;

    public ConfigValidator(Pinout pinout, SecretSource secrets, Supplier<List<String>> lanAddresses) {
        this.pinout = pinout;
        this.secrets = secrets;
        this.lanAddresses = lanAddresses;
    }

    public static ConfigValidator standard() {
        return new ConfigValidator(Pinout.picoW(), new SystemSecretSource(), LanAddresses::ipv4);
    }

    public PicoConfig validate(RawConfig raw) {
        List<ConfigError> errors = new ArrayList<>();
        Checks c = new Checks(raw, errors);
        PicoConfig.Wifi wifi = wifi(raw, c, errors);
        PicoConfig.Mqtt mqtt = mqtt(raw, c, errors);
        // An unknown sensor type is reported once; the checks below go on with the default so the user sees
        // every other problem in the same run.
        SensorType sensorType = Optional.ofNullable(c.choice(SENSOR_TYPE, "dht22", SensorType.class))
                .orElse(SensorType.DHT22);
        Pin pin = pin(raw.get(SENSOR_PIN).orElse(pinout.defaultSensorPin()), errors);
        int minInterval = sensorType == SensorType.NONE ? 1 : 2;
        int interval = c.integer(INTERVAL, 10, minInterval, 86_400,
                sensorType == SensorType.NONE ? "at least 1 second"
                        : "at least 2 seconds: a " + sensorType.id().toUpperCase(Locale.ROOT)
                                + " gives wrong or stale readings when read faster");
        PicoConfig.Topics topics = new PicoConfig.Topics(c.topic(TOPIC_INTERNAL, DEFAULT_TOPIC_INTERNAL),
                c.topic(TOPIC_TEMPERATURE, DEFAULT_TOPIC_TEMPERATURE), c.topic(TOPIC_HUMIDITY, DEFAULT_TOPIC_HUMIDITY),
                c.topic(TOPIC_STATUS, DEFAULT_TOPIC_STATUS));
        List<String> readings = topics.readings(sensorType);
        if (readings.stream().distinct().count() < readings.size()) {
            errors.add(new ConfigError("topics", "two readings share one topic (" + String.join(", ", readings) + ")",
                    "give the internal temperature, temperature and humidity a topic each"));
        }
        PayloadFormat payload = c.choice(PAYLOAD, "plain", PayloadFormat.class);
        boolean ha = c.bool(HA_DISCOVERY, true);
        String haPrefix = c.topic(HA_PREFIX, "homeassistant");
        String deviceName = raw.get(DEVICE_NAME).orElse("Pico W");
        if (deviceName.isBlank() || deviceName.length() > 64) {
            errors.add(new ConfigError(DEVICE_NAME, "must be 1 to 64 characters", "choose a shorter name"));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new PicoConfig(wifi, mqtt, topics, new PicoConfig.Sensor(sensorType, pin), interval, payload,
                new PicoConfig.HomeAssistant(ha, haPrefix), deviceName);
    }

    private PicoConfig.Wifi wifi(RawConfig raw, Checks c, List<ConfigError> errors) {
        String ssid = raw.get(WIFI_SSID).orElse("");
        int ssidBytes = ssid.getBytes(StandardCharsets.UTF_8).length;
        if (ssid.isEmpty()) {
            errors.add(new ConfigError(WIFI_SSID, "no Wi-Fi network name given",
                    "pass --wifi NETWORK_NAME (the SSID your phone shows)"));
        } else if (ssidBytes > 32) {
            errors.add(new ConfigError(WIFI_SSID, "is " + ssidBytes + " bytes long; an SSID has at most 32 bytes",
                    "check the network name"));
        } else if (ssid.indexOf('\0') >= 0 || !Checks.encodable(ssid)) {
            errors.add(new ConfigError(WIFI_SSID, "contains a NUL or an unpaired surrogate character",
                    "check the network name"));
        }
        boolean open = c.bool(WIFI_OPEN, false);
        Optional<Secret> password = Optional.empty();
        if (open) {
            if (raw.get(WIFI_PASSWORD_ENV).isPresent() || raw.get(WIFI_PASSWORD_FILE).isPresent()) {
                errors.add(new ConfigError(WIFI_OPEN, "an open network takes no password, but one was given",
                        "drop --open-network, or drop the password option"));
            }
        } else {
            password = new SecretResolver(raw, secrets, errors).resolve(WIFI_PASSWORD, "PICOTOOL_WIFI_PASSWORD",
                    "--wifi-password", "Wi-Fi password for " + ssid + ": ", true);
            password.ifPresent(p -> checkWpaPassword(p, errors));
        }
        String country = raw.get(WIFI_COUNTRY).orElse("XX").toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(country).matches()) {
            errors.add(new ConfigError(WIFI_COUNTRY, "'" + country + "' is not a two-letter country code",
                    "use your ISO 3166 code such as GB, DE or US (XX means worldwide)"));
        }
        Optional<String> hostname = raw.get(WIFI_HOSTNAME);
        hostname.ifPresent(h -> {
            if (h.length() > 32 || !HOSTNAME.matcher(h).matches()) {
                errors.add(new ConfigError(WIFI_HOSTNAME, "must be 1 to 32 letters, digits or '-', not starting "
                        + "or ending with '-'", "choose a name like pico-lab (no .local)"));
            }
        });
        int timeout = c.integer(WIFI_TIMEOUT, 20, 5, 120, "between 5 and 120 seconds");
        return new PicoConfig.Wifi(ssid, password, country, hostname, timeout);
    }

    private static void checkWpaPassword(Secret p, List<ConfigError> errors) {
        String v = p.reveal();
        if (HEX64.matcher(v).matches()) {
            return;
        }
        if (v.length() < 8 || v.length() > 63) {
            errors.add(new ConfigError(WIFI_PASSWORD, "is " + v.length() + " characters long; WPA2 passwords have"
                    + " 8 to 63 characters (or 64 hex digits)", "check the password (from " + p.origin()
                    + "); for a network without a password pass --open-network"));
        } else if (!v.chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7e)) {
            errors.add(new ConfigError(WIFI_PASSWORD, "contains characters outside printable ASCII, which WPA2 "
                    + "passwords cannot have", "check the password (from " + p.origin() + ")"));
        }
    }

    private PicoConfig.Mqtt mqtt(RawConfig raw, Checks c, List<ConfigError> errors) {
        boolean allowLoopback = c.bool(MQTT_ALLOW_LOOPBACK, false);
        Optional<Path> ca = raw.get(MQTT_CA_FILE).map(Path::of);
        boolean tls = c.bool(MQTT_TLS, false) || ca.isPresent();
        String host = "";
        Optional<Integer> port = Optional.empty();
        Optional<String> given = raw.get(MQTT_BROKER);
        if (given.isEmpty() || given.get().isBlank()) {
            errors.add(new ConfigError(MQTT_BROKER, "no MQTT broker given", "pass --broker with the address of the "
                    + "computer running the broker, e.g. --broker " + exampleLan()));
        } else {
            Optional<BrokerAddress> parsed = BrokerAddress.parse(given.get(), bad -> errors.add(new ConfigError(
                    MQTT_BROKER, "port '" + bad + "' is not a number", "write it as host:1883")));
            if (parsed.isEmpty() || !BrokerAddress.isValidHost(parsed.get().host())) {
                errors.add(new ConfigError(MQTT_BROKER, "'" + given.get() + "' is not a host name or IP address",
                        "write it as 192.168.1.11, 192.168.1.11:1883, broker.lan or [fd00::1]:1883"));
            } else {
                host = parsed.get().host();
                port = parsed.get().port();
                checkReachableFromPico(host, allowLoopback, errors);
            }
        }
        int defaultPort = port.orElse(tls ? 8883 : 1883);
        int p = c.integer(MQTT_PORT, defaultPort, 1, 65_535, "between 1 and 65535");
        if (port.isPresent() && (port.get() < 1 || port.get() > 65_535)) {
            errors.add(new ConfigError(MQTT_BROKER, "port " + port.get() + " is out of range",
                    "use a port between 1 and 65535 (MQTT is usually 1883, or 8883 with TLS)"));
        }
        Optional<String> user = raw.get(MQTT_USERNAME).filter(u -> !u.isEmpty());
        user.ifPresent(u -> {
            if (u.indexOf('\0') >= 0 || !Checks.encodable(u) || u.getBytes(StandardCharsets.UTF_8).length > 65_535) {
                errors.add(new ConfigError(MQTT_USERNAME, "contains NUL or is too long", "check the user name"));
            }
        });
        Optional<Secret> password = Optional.empty();
        boolean passwordGiven = raw.get(MQTT_PASSWORD_ENV).isPresent() || raw.get(MQTT_PASSWORD_FILE).isPresent();
        if (user.isPresent() || passwordGiven) {
            password = new SecretResolver(raw, secrets, errors).resolve(MQTT_PASSWORD, "PICOTOOL_MQTT_PASSWORD",
                    "--mqtt-password", "MQTT password for " + user.orElse("the broker") + ": ", user.isPresent());
            if (user.isEmpty() && password.isPresent()) {
                errors.add(new ConfigError(MQTT_USERNAME, "an MQTT password was given without a user name",
                        "add --mqtt-user NAME"));
            }
        }
        ca.ifPresent(f -> checkCaFile(f, errors));
        Optional<String> clientId = raw.get(MQTT_CLIENT_ID);
        clientId.ifPresent(id -> {
            if (!CLIENT_ID.matcher(id).matches()) {
                errors.add(new ConfigError(MQTT_CLIENT_ID, "must be 1 to 23 letters, digits, '-' or '_' (the "
                        + "length every MQTT 3.1.1 broker must accept)", "choose e.g. pico-kitchen, or leave it out "
                        + "to use pico-<board id>"));
            }
        });
        int keepalive = c.integer(MQTT_KEEPALIVE, 60, 10, 3_600, "between 10 and 3600 seconds");
        int qos = c.integer(MQTT_QOS, 0, 0, 1, "0 or 1 (the firmware does not do QoS 2)");
        return new PicoConfig.Mqtt(host, p, user, password, tls, ca, clientId, keepalive, qos, allowLoopback);
    }

    private void checkReachableFromPico(String host, boolean allowLoopback, List<ConfigError> errors) {
        if (BrokerAddress.isUnspecified(host)) {
            errors.add(new ConfigError(MQTT_BROKER, host + " is a listening address, not one a client can connect "
                    + "to", "pass this computer's LAN address: --broker " + exampleLan()));
        } else if (BrokerAddress.isLoopback(host) && !allowLoopback) {
            errors.add(new ConfigError(MQTT_BROKER, "'" + host + "' means the Pico itself when the Pico uses it, "
                    + "so it cannot reach the broker on your computer", "pass your computer's LAN address: --broker "
                    + LanAddresses.describe(lanAddresses.get()) + " (use --allow-loopback only for a virtual Pico "
                    + "running on this computer)"));
        }
    }

    private static void checkCaFile(Path f, List<ConfigError> errors) {
        try {
            String pem = Files.readString(f, StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
                errors.add(new ConfigError(MQTT_CA_FILE, f + " is not a PEM certificate",
                        "pass the broker's CA certificate in PEM form (it starts with -----BEGIN CERTIFICATE-----)"));
            }
        } catch (java.io.IOException | RuntimeException e) {
            errors.add(new ConfigError(MQTT_CA_FILE, "cannot read " + f, "check the path to the CA certificate"));
        }
    }

    private Pin pin(String name, List<ConfigError> errors) {
        Optional<String> reserved = pinout.reservedReason(name);
        if (reserved.isPresent()) {
            errors.add(new ConfigError(SENSOR_PIN, name + " cannot be used: " + reserved.get(),
                    "wire the sensor to another GPIO, e.g. --pin " + pinout.defaultSensorPin() + " (valid: "
                            + pinout.validNames() + ")"));
            return null;
        }
        Optional<Pin> pin = pinout.find(name);
        if (pin.isEmpty()) {
            errors.add(new ConfigError(SENSOR_PIN, "'" + name + "' is not a GPIO on the " + pinout.board(),
                    "use one of " + pinout.validNames() + " (the GP number printed next to the pin, not the "
                            + "physical pin number)"));
            return null;
        }
        return pin.get();
    }

    private String exampleLan() {
        List<String> lan = lanAddresses.get();
        return lan.isEmpty() ? "192.168.1.11" : lan.get(0);
    }
}
