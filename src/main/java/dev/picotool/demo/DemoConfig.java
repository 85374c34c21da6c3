package dev.picotool.demo;

import dev.picotool.board.BoardId;
import dev.picotool.board.Boards;
import dev.picotool.config.ConfigValidator;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.RawSettings;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The demo's built-in configuration: a made-up Wi-Fi network with a random password, the default topics and sensor,
 * a short interval. It goes through the same validation as a user's; the broker is replaced by the run's own.
 */
public final class DemoConfig {
    static final String SSID = "picotool-demo";
    private static final String PASSWORD_VARIABLE = "PICOTOOL_DEMO_WIFI_PASSWORD";

    private DemoConfig() {
    }

    public static PicoConfig of(int intervalSeconds) {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        InMemorySecrets secrets = new InMemorySecrets(PASSWORD_VARIABLE, HexFormat.of().formatHex(b));
        return new ConfigValidator(Boards.get(BoardId.PICO_W), secrets, List::of).validate(new RawSettings()
                .put("wifi.ssid", SSID).put("wifi.password_env", PASSWORD_VARIABLE)
                .put("mqtt.broker", "127.0.0.1").put("mqtt.allow_loopback", "true")
                .put("interval", String.valueOf(intervalSeconds)).put("device_name", "picotool demo {id4}"));
    }
}
