package dev.picotool.cli;

import dev.picotool.config.PicoConfig;
import dev.picotool.config.Secret;
import dev.picotool.config.SensorType;
import java.io.PrintWriter;
import java.util.Optional;

/** Prints a validated config as a two-column table; secrets show as a mask and their source only. */
final class ConfigPrinter {
    private ConfigPrinter() {
    }

    static void print(PicoConfig c, PrintWriter out) {
        row(out, "wifi.ssid", quote(c.wifi().ssid()));
        row(out, "wifi.password", c.wifi().password().map(Secret::toString).orElse("(open network)"));
        row(out, "wifi.country", c.wifi().country());
        row(out, "wifi.hostname", c.wifi().hostname().orElse("(board default)"));
        row(out, "wifi.timeout", c.wifi().timeoutSeconds() + " s");
        row(out, "mqtt.broker", c.mqtt().address() + (c.mqtt().tls() ? " (TLS)" : ""));
        row(out, "mqtt.username", c.mqtt().username().orElse("(none)"));
        row(out, "mqtt.password", c.mqtt().password().map(Secret::toString).orElse("(none)"));
        row(out, "mqtt.ca_file", c.mqtt().caFile().map(Object::toString)
                .orElse(c.mqtt().tls() ? "(none: the broker is NOT verified)" : "-"));
        row(out, "mqtt.client_id", c.mqtt().clientId().orElse("pico-<board id>"));
        row(out, "mqtt.qos", String.valueOf(c.mqtt().qos()));
        row(out, "mqtt.keepalive", c.mqtt().keepaliveSeconds() + " s");
        row(out, "topics.internal", c.topics().internal());
        if (c.sensor().type() != SensorType.NONE) {
            row(out, "topics.temperature", c.topics().temperature());
            row(out, "topics.humidity", c.topics().humidity());
        }
        row(out, "topics.status", c.topics().status());
        row(out, "sensor.type", c.sensor().type().id());
        row(out, "sensor.pin", c.sensor().pin().name() + " (physical pin " + c.sensor().pin().physical() + ")");
        row(out, "interval", c.intervalSeconds() + " s");
        row(out, "payload", c.payload().id());
        row(out, "home_assistant", c.homeAssistant().enabled() ? "discovery on, prefix "
                + c.homeAssistant().prefix() : "off");
        row(out, "device_name", c.deviceName());
        Optional.ofNullable(c.sensor().pin().caution()).ifPresent(caution -> out.println("warning: "
                + c.sensor().pin().name() + " is " + caution + "; it works, but GP15 avoids surprises."));
        out.flush();
    }

    private static void row(PrintWriter out, String key, String value) {
        out.printf("  %-20s %s%n", key, value);
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }
}
