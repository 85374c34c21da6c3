package dev.picotool.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses and checks {@code host}, {@code host:port} or {@code [v6]:port} as given for the MQTT broker. */
public record BrokerAddress(String host, Optional<Integer> port) {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** Splits host and port; the port text is validated by the caller. Empty when the text cannot be split. */
    public static Optional<BrokerAddress> parse(String text, java.util.function.Consumer<String> badPort) {
        String t = text.trim();
        String host = t;
        String portText = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (rest.startsWith(":")) {
                portText = rest.substring(1);
            } else if (!rest.isEmpty()) {
                return Optional.empty();
            }
        } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
            host = t.substring(0, t.indexOf(':'));
            portText = t.substring(t.indexOf(':') + 1);
        }
        Optional<Integer> port = Optional.empty();
        if (portText != null) {
            try {
                port = Optional.of(Integer.parseInt(portText));
            } catch (NumberFormatException e) {
                badPort.accept(portText);
            }
        }
        return Optional.of(new BrokerAddress(host, port));
    }

    public static boolean isValidHost(String host) {
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (IPV4.matcher(host).matches()) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (host.contains(":")) {
            return IPV6.matcher(host).matches() && host.chars().filter(c -> c == ':').count() >= 2;
        }
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String label : h.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !h.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    /** Names that mean "this computer" to the computer, and "the Pico itself" to the Pico. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") && IPV4.matcher(h).matches()
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    public static boolean isUnspecified(String host) {
        return host.equals("0.0.0.0") || host.equals("::");
    }
}
