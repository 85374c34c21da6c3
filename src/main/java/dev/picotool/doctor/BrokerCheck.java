package dev.picotool.doctor;

import dev.picotool.ExitCode;
import java.time.Duration;

/** The configured broker: an address the Pico can use (not loopback), reachable from here, and speaking MQTT. */
final class BrokerCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private BrokerCheck() {
    }

    static Finding run(DoctorFacts f) {
        if (f.broker().isEmpty()) {
            return Finding.warn("broker", "no broker configured (no picotool.yaml here or in ~/.config/picotool, no "
                    + "--broker)", "run `picotool init` to write the settings, or pass --broker ADDRESS");
        }
        DoctorFacts.BrokerTarget b = f.broker().get();
        String where = b.address() + " (from " + b.origin() + ")";
        if (b.loopback()) {
            String lan = f.lanAddresses().get().isEmpty() ? "this computer's LAN address"
                    : String.join(" or ", f.lanAddresses().get());
            return Finding.fail("broker", "the broker " + where + " is a loopback address: for the Pico it means "
                    + "the Pico itself", "use " + lan + " as mqtt.broker (run `picotool init` again, or pass "
                    + "--broker)", ExitCode.INVALID_CONFIG);
        }
        BrokerProbe.Answer a = f.probe().probe(b.host(), b.port(), b.tls(), TIMEOUT);
        return switch (a.outcome()) {
            case ANSWERED -> answered(b, where, a.connackCode());
            case TCP_ONLY -> Finding.ok("broker", "the broker " + where + " accepts connections (TLS: the MQTT "
                    + "handshake is left to `picotool verify`)");
            case REFUSED -> Finding.fail("broker", "nothing listens on " + where + ": the connection was refused",
                    "start the broker there (`picotool broker` runs one); Mosquitto 2 listens on localhost only "
                            + "unless its config has `listener " + b.port() + "` (and `allow_anonymous true` for a "
                            + "broker without logins)", ExitCode.BROKER);
            case TIMED_OUT -> Finding.fail("broker", "no answer from " + where + " within " + TIMEOUT.toSeconds()
                    + " s", OsAdvice.firewall(f.os(), b.port()), ExitCode.BROKER);
            case UNREACHABLE -> Finding.fail("broker", "cannot reach " + where + ": " + a.detail(), "check the "
                    + "address: this computer and the Pico must be on the same network", ExitCode.BROKER);
            case NOT_MQTT -> Finding.fail("broker", where + " accepts connections but does not answer MQTT ("
                    + a.detail() + ")", "is that the broker's port? MQTT is 1883 (8883 with TLS)", ExitCode.BROKER);
        };
    }

    /** MQTT 3.1.1 section 3.2.2.3: CONNACK return codes 0-5. Doctor sends no login, so 4/5 still mean "there". */
    private static Finding answered(DoctorFacts.BrokerTarget b, String where, int code) {
        return switch (code) {
            case 0 -> Finding.ok("broker", "the broker " + where + " answered MQTT (connection accepted)");
            case 4, 5 -> b.login() ? Finding.ok("broker", "the broker " + where + " answered MQTT and wants a "
                    + "login (doctor sends none; verify uses yours)")
                    : Finding.fail("broker", "the broker " + where + " answered MQTT but refuses clients without a "
                    + "login (CONNACK " + code + ")", "set mqtt.username and a password source (picotool init asks "
                    + "for them), or allow anonymous clients on the broker", ExitCode.BROKER);
            default -> Finding.fail("broker", "the broker " + where + " refused the MQTT connection (CONNACK " + code
                    + ")", "check the broker's log", ExitCode.BROKER);
        };
    }
}
