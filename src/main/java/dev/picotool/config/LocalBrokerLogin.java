package dev.picotool.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The login {@code picotool broker} made for itself on this computer (dev.picotool.broker.LocalBrokerCredentials).
 * When the broker setting names this computer ({@link ThisComputer}) and no MQTT user is given, the settings take
 * this login as the MQTT user and password: verify and test log in with it, and flash writes it into the firmware,
 * so the board logs in too.
 */
@FunctionalInterface
public interface LocalBrokerLogin {
    /** No broker login on this computer (tests, and runs that must not pick one up). */
    LocalBrokerLogin NONE = Optional::empty;

    /** @param file where the password is kept, for messages */
    record Login(String username, Secret password, Path file) {
    }

    /** The login, when {@code picotool broker} has made one; empty when there is none or it cannot be read. */
    Optional<Login> find();
}
