package dev.picotool.cli;

import static dev.picotool.config.ConfigFields.*;

import dev.picotool.config.ConfigException;
import dev.picotool.config.ConfigValidator;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.RawConfig;
import dev.picotool.config.YamlConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The firmware settings as flags, shared by every command that renders firmware. Flags override --config. */
public class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML file with the settings (flags override it).")
    Path configFile;

    @Option(names = {"--wifi", "--ssid"}, paramLabel = "SSID", description = "Wi-Fi network name.")
    String ssid;

    @Option(names = "--wifi-password", arity = "0..1", paramLabel = "-",
            description = "Ask for the Wi-Fi password (the default when a terminal is attached). "
                    + "A value here is refused: it would land in shell history and `ps`.")
    String wifiPasswordInline;

    @Option(names = "--wifi-password-env", paramLabel = "NAME", description = "Read the Wi-Fi password from "
            + "environment variable NAME (PICOTOOL_WIFI_PASSWORD is read when nothing else is given).")
    String wifiPasswordEnv;

    @Option(names = "--wifi-password-file", paramLabel = "PATH", description = "Read the Wi-Fi password from the "
            + "first line of PATH.")
    String wifiPasswordFile;

    @Option(names = "--open-network", description = "The Wi-Fi network has no password.")
    boolean openNetwork;

    @Option(names = "--country", paramLabel = "CC", description = "Wi-Fi country code, e.g. GB (default: XX, "
            + "worldwide).")
    String country;

    @Option(names = "--hostname", paramLabel = "NAME", description = "The Pico's network host name (max 32).")
    String hostname;

    @Option(names = "--wifi-timeout", paramLabel = "SECONDS", description = "How long the Pico tries to join "
            + "before reporting why it could not (default 20).")
    String wifiTimeout;

    @Mixin
    MqttOptions mqtt = new MqttOptions();

    @Mixin
    TopicOptions topics = new TopicOptions();

    @Option(names = "--client-id", paramLabel = "ID", description = "MQTT client id (default pico-<board id>).")
    String clientId;

    @Option(names = "--qos", paramLabel = "0|1", description = "MQTT QoS of the readings (default 0).")
    String qos;

    @Option(names = "--keepalive", paramLabel = "SECONDS", description = "MQTT keepalive (default 60).")
    String keepalive;

    @Option(names = "--allow-loopback", description = "Allow a loopback broker address (only for a virtual Pico "
            + "running on this computer).")
    boolean allowLoopback;

    @Option(names = "--interval", paramLabel = "SECONDS", description = "Seconds between readings (default 10; "
            + "at least 2 with a DHT sensor).")
    String interval;

    @Option(names = "--sensor", paramLabel = "TYPE", description = "dht22 (default), dht11 or none.")
    String sensor;

    @Option(names = "--pin", paramLabel = "GPIO", description = "Sensor data pin (default GP15).")
    String pin;

    @Option(names = "--payload", paramLabel = "FORMAT", description = "plain (default: 23.1) or json.")
    String payload;

    @Option(names = "--no-ha-discovery", description = "Do not announce the sensors to Home Assistant.")
    boolean noHaDiscovery;

    @Option(names = "--ha-prefix", paramLabel = "PREFIX", description = "Home Assistant discovery prefix "
            + "(default homeassistant).")
    String haPrefix;

    @Option(names = "--device-name", paramLabel = "NAME", description = "Name shown in Home Assistant.")
    String deviceName;

    /** The settings from the file with the flags laid over them. */
    public RawConfig raw() {
        if (wifiPasswordInline != null && !wifiPasswordInline.isEmpty()) {
            throw ConfigException.of(WIFI_PASSWORD, "a password on the command line ends up in shell history and "
                    + "in `ps` output", "use --wifi-password-env NAME, --wifi-password-file PATH, or "
                    + "--wifi-password alone to be asked");
        }
        RawConfig flags = topics.putInto(mqtt.putInto(new RawConfig()));
        RawConfig raw = configFile == null ? new RawConfig() : YamlConfigLoader.load(configFile);
        return raw.putAll(flags).putAll(new RawConfig().put(WIFI_SSID, ssid).put(WIFI_PASSWORD_ENV, wifiPasswordEnv)
                .put(WIFI_PASSWORD_FILE, wifiPasswordFile).put(WIFI_OPEN, openNetwork).put(WIFI_COUNTRY, country)
                .put(WIFI_HOSTNAME, hostname).put(WIFI_TIMEOUT, wifiTimeout).put(MQTT_CLIENT_ID, clientId).put(MQTT_QOS, qos).put(MQTT_KEEPALIVE, keepalive)
                .put(MQTT_ALLOW_LOOPBACK, allowLoopback).put(INTERVAL, interval).put(SENSOR_TYPE, sensor).put(SENSOR_PIN, pin)
                .put(PAYLOAD, payload).put(HA_DISCOVERY, noHaDiscovery ? "false" : null).put(HA_PREFIX, haPrefix)
                .put(DEVICE_NAME, deviceName));
    }

    public PicoConfig load(ConfigValidator validator) {
        return validator.validate(raw());
    }
}
