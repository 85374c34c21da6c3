package dev.picotool.cli;

import static dev.picotool.config.ConfigFields.*;

import dev.picotool.config.ConfigException;
import dev.picotool.config.RawConfig;
import picocli.CommandLine.Option;

/** How to reach the MQTT broker: shared by the commands that render firmware and by verify. */
public class MqttOptions {
    @Option(names = "--broker", paramLabel = "HOST[:PORT]", description = "MQTT broker. For the firmware: the "
            + "address the Pico reaches, i.e. your computer's LAN address, not localhost.")
    String broker;

    @Option(names = "--mqtt-port", paramLabel = "PORT", description = "Broker port (default 1883, 8883 with TLS).")
    String mqttPort;

    @Option(names = "--mqtt-user", paramLabel = "NAME", description = "MQTT user name.")
    String mqttUser;

    @Option(names = "--mqtt-password", arity = "0..1", paramLabel = "-", description = "Ask for the MQTT password. "
            + "A value here is refused.")
    String mqttPasswordInline;

    @Option(names = "--mqtt-password-env", paramLabel = "NAME", description = "Read the MQTT password from "
            + "environment variable NAME (PICOTOOL_MQTT_PASSWORD is read when nothing else is given).")
    String mqttPasswordEnv;

    @Option(names = "--mqtt-password-file", paramLabel = "PATH", description = "Read the MQTT password from the "
            + "first line of PATH.")
    String mqttPasswordFile;

    @Option(names = "--tls", description = "Connect to the broker with TLS.")
    boolean tls;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "CA certificate that signed the broker's "
            + "certificate; the broker's certificate and host name are then checked (implies --tls).")
    String caFile;

    /** Lays these flags over {@code raw}; a password given inline is refused before anything else happens. */
    RawConfig putInto(RawConfig raw) {
        if (mqttPasswordInline != null && !mqttPasswordInline.isEmpty()) {
            throw ConfigException.of(MQTT_PASSWORD, "a password on the command line ends up in shell history and "
                    + "in `ps` output", "use --mqtt-password-env NAME, --mqtt-password-file PATH, or "
                    + "--mqtt-password alone to be asked");
        }
        return raw.put(MQTT_BROKER, broker).put(MQTT_PORT, mqttPort).put(MQTT_USERNAME, mqttUser)
                .put(MQTT_PASSWORD_ENV, mqttPasswordEnv).put(MQTT_PASSWORD_FILE, mqttPasswordFile).put(MQTT_TLS, tls)
                .put(MQTT_CA_FILE, caFile);
    }
}
