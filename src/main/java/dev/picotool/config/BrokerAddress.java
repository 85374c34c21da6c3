package dev.picotool.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The broker as given: {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port} or a bare IPv6 address.
 *
 * @param host the host name or address, without brackets
 * @param port the port, when one was written
 */
public record BrokerAddress(String host, Optional<Integer> port) {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("\\d+|0[xX][0-9A-Fa-f]*");
    private static final String FORMS = "write it as 192.168.1.11, 192.168.1.11:1883, broker.lan or [fd00::1]:1883";

    /** The value type of {@code mqtt.broker}. Never repeats text that looks like it holds a password. */
    static final ValueType<BrokerAddress> TYPE = (text, c) -> parse(text);

    static BrokerAddress parse(String text) throws Invalid {
        String t = text.trim();
        if (t.contains("@")) {
            throw new Invalid("looks like user:password@host (not shown here)", "give only the host with --broker, "
                    + "the user with --mqtt-user and the password with --mqtt-password-env or --mqtt-password-file");
        }
        if (t.contains("://")) {
            throw new Invalid("'" + t + "' is a URL", FORMS);
        }
        String host;
        String portText = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new Invalid("'" + t + "' has no closing ]", FORMS);
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (rest.startsWith(":")) {
                portText = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw new Invalid("'" + t + "' is not a host name or IP address", FORMS);
            }
            if (IpLiteral.v6(host).isEmpty()) {
                throw new Invalid("'" + host + "' in brackets is not an IPv6 address", FORMS);
            }
        } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
            host = t.substring(0, t.indexOf(':'));
            portText = t.substring(t.indexOf(':') + 1);
        } else {
            host = t;
        }
        Optional<Integer> port = Optional.empty();
        if (portText != null) {
            if (!portText.matches("\\d{1,9}")) {
                throw new Invalid("port '" + portText + "' is not a number", "write it as host:1883");
            }
            int p = Integer.parseInt(portText);
            if (p < 1 || p > 65_535) {
                throw new Invalid("port " + p + " is out of range", "use a port between 1 and 65535 (MQTT is usually "
                        + "1883, or 8883 with TLS)");
            }
            port = Optional.of(p);
        }
        if (!isValidHost(host)) {
            throw new Invalid("'" + host + "' is not a host name or IP address", FORMS);
        }
        return new BrokerAddress(host, port);
    }

    static boolean isValidHost(String host) {
        if (host.contains(":")) {
            return IpLiteral.v6(host).isPresent();
        }
        if (IpLiteral.v4(host).isPresent()) {
            return true;
        }
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty() || h.length() > 253) {
            return false;
        }
        boolean allNumeric = true;
        for (String label : h.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
            allNumeric &= NUMERIC_LABEL.matcher(label).matches();
        }
        // 127.1, 2130706433 and 0x7f000001 are addresses to inet_aton (and lwIP) but names to others.
        return !allNumeric;
    }

    private Optional<byte[]> literal() {
        return host.contains(":") ? IpLiteral.v6(host) : IpLiteral.v4(host);
    }

    /** Names and addresses that mean "this computer" to the computer, and "the Pico itself" to the Pico. */
    public boolean isLoopback() {
        String h = host.toLowerCase(Locale.ROOT);
        h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        return h.equals("localhost") || h.endsWith(".localhost") || literal().map(IpLiteral::isLoopback).orElse(false);
    }

    /** 0.0.0.0 or :: (also as ::ffff:0.0.0.0): an address to listen on, not to connect to. */
    public boolean isUnspecified() {
        return literal().map(IpLiteral::isUnspecified).orElse(false);
    }

    /** Whether this host name or address (no port) means this computer; false for text that is neither. */
    public static boolean isLoopback(String host) {
        return new BrokerAddress(host, Optional.empty()).isLoopback();
    }

    public static boolean isUnspecified(String host) {
        return new BrokerAddress(host, Optional.empty()).isUnspecified();
    }

    /** host:port, with brackets around an IPv6 literal. */
    public String withPort(int p) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + p;
    }
}
