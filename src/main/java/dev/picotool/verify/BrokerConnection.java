package dev.picotool.verify;

import dev.picotool.config.Secret;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and how to reach the broker. With TLS the broker's certificate is always checked, including its host name:
 * against {@code caFile} when given, else against the JVM's trusted CAs.
 */
public record BrokerConnection(String host, int port, Optional<String> username, Optional<Secret> password,
                               boolean tls, Optional<Path> caFile) {
    public static final int DEFAULT_PORT = 1883;
    public static final int DEFAULT_TLS_PORT = 8883;

    public String uri() {
        return (tls ? "ssl://" : "tcp://") + address();
    }

    /** host:port, with brackets around an IPv6 literal. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
