package dev.picotool.verify;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;

/** Turns Paho's connect failures into what happened and what to try, with exit code 5. Never shows a password. */
final class BrokerErrors {
    private BrokerErrors() {
    }

    static PicoToolException connect(MqttException e, BrokerConnection c) {
        String at = c.address();
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return tlsFailure(tls, c, e);
        }
        switch (e.getReasonCode()) {
            case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION:
                return fail("the broker at " + at + " refused MQTT 3.1.1 (CONNACK 1: unacceptable protocol version)",
                        "enable MQTT 3.1.1 on the broker: it is what the Pico speaks", e);
            case MqttException.REASON_CODE_INVALID_CLIENT_ID:
                return fail("the broker at " + at + " refused the client id (CONNACK 2: identifier rejected)",
                        "the broker may limit client ids; check its settings", e);
            case MqttException.REASON_CODE_BROKER_UNAVAILABLE:
                return fail("the broker at " + at + " says it is unavailable (CONNACK 3: server unavailable)",
                        "restart the broker and look at its log", e);
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION:
                return fail("the broker at " + at + " refused the login (CONNACK 4: bad user name or password)",
                        "check --mqtt-user and the password you gave (env or file); on mosquitto, set it again with "
                                + "`mosquitto_passwd`", e);
            case MqttException.REASON_CODE_NOT_AUTHORIZED:
                return fail("the broker at " + at + " refused the login (CONNACK 5: not authorised)"
                        + (c.username().isPresent() ? " for user '" + c.username().get() + "'"
                                : ": it does not accept anonymous clients"),
                        c.username().isPresent() ? "check the user name and password (mosquitto answers a wrong "
                                + "password with 'not authorised'), and that this user may connect"
                                : "give --mqtt-user NAME and --mqtt-password-env VAR (or --mqtt-password-file)", e);
            case MqttException.REASON_CODE_CLIENT_TIMEOUT:
                return fail("no MQTT answer from " + at + " within the time allowed (--timeout)",
                        "is something else listening on that port? with --tls, is it the TLS port (often 8883)?",
                        e);
            case MqttException.REASON_CODE_CONNECTION_LOST:
                return fail("the broker at " + at + " closed the connection while connecting",
                        c.tls() ? "is that port really a TLS port?" : "does that port expect TLS? then add --tls "
                                + "(and --ca-file)", e);
            default:
                return unreachable(e, c);
        }
    }

    private static PicoToolException unreachable(MqttException e, BrokerConnection c) {
        String at = c.address();
        if (find(e, UnknownHostException.class) != null) {
            return fail("unknown host '" + c.host() + "'", "check the --broker name, or use the IP address", e);
        }
        if (find(e, ConnectException.class) != null) {
            return fail("cannot reach the MQTT broker at " + at + ": connection refused",
                    "is the broker running (`picotool broker`, or `systemctl status mosquitto`)? is the --broker "
                            + "address and port right?", e);
        }
        if (find(e, SocketTimeoutException.class) != null || find(e, NoRouteToHostException.class) != null) {
            return fail("cannot reach the MQTT broker at " + at + ": no answer",
                    "is the address right and the computer on? a firewall may drop port " + c.port(), e);
        }
        Throwable root = rootCause(e);
        return fail("cannot connect to the MQTT broker at " + at + ": " + describe(root),
                "is the broker running? is the --broker address and port right? is a firewall in the way?", e);
    }

    private static PicoToolException tlsFailure(SSLException tls, BrokerConnection c, MqttException e) {
        String at = c.address();
        String detail = describe(rootCause(tls));
        String ca = c.caFile().map(p -> "the CA in " + p).orElse("a CA this computer trusts");
        if (detail.contains("No subject alternative") || detail.contains("No name matching")
                || detail.contains("doesn't match")) {
            return fail("TLS: the broker's certificate is not for '" + c.host() + "' (host name mismatch: "
                    + detail + ")", "connect with the name or address the certificate was made for, or make the "
                    + "broker a certificate with '" + c.host() + "' in its subjectAltName", e);
        }
        if (find(tls, CertificateException.class) != null || detail.contains("PKIX")
                || detail.contains("certification path")) {
            return fail("TLS: the broker's certificate at " + at + " is not signed by " + ca + " (" + detail + ")",
                    c.caFile().isPresent() ? "give the CA that signed the broker's certificate with --ca-file"
                            : "give the CA that signed the broker's certificate with --ca-file", e);
        }
        return fail("TLS handshake with " + at + " failed: " + detail,
                "is it a TLS port (often 8883)? without TLS, leave out --tls", e);
    }

    private static PicoToolException fail(String message, String hint, Throwable cause) {
        return new PicoToolException(ExitCode.BROKER, message, hint, cause);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
