package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.config.MqttSettings;
import dev.picotool.config.Origin;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.Secret;
import java.io.PrintWriter;

/** The one line that says the MQTT login is {@code picotool broker}'s, picked up by the settings by themselves. */
final class LocalLogin {
    private LocalLogin() {
    }

    /** Says it when the user name came from no flag and no file: only the local broker's login gives it then. */
    static void say(PicoConfig c, PrintWriter out) {
        if (c.find(MqttSettings.USERNAME).isEmpty() || c.origin(MqttSettings.USERNAME).kind() != Origin.Kind.DEFAULT) {
            return;
        }
        out.println("MQTT login: user " + TerminalText.escape(c.get(MqttSettings.USERNAME)) + " of `picotool broker` "
                + "on this computer (password from " + TerminalText.escape(c.find(MqttSettings.PASSWORD).map(
                Secret::origin).orElse("nowhere")) + ")");
    }
}
