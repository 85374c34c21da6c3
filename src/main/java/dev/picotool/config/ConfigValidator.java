package dev.picotool.config;

import dev.picotool.board.Pinout;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Turns {@link RawSettings} into a {@link PicoConfig}, or a {@link ConfigException} listing every problem at once,
 * by the rules of the {@link Schema}. The same validator serves the firmware and verify; {@link Use} says which.
 */
public final class ConfigValidator {
    private final Pinout pinout;
    private final SecretSource secrets;
    private final Supplier<List<String>> lanAddresses;
    private final Path home;
    private final Clock clock;
    private final ValidationContext.LocalBroker localBroker;

    public ConfigValidator(Pinout pinout, SecretSource secrets, Supplier<List<String>> lanAddresses, Path home,
                           Clock clock) {
        this(pinout, secrets, lanAddresses, home, clock, ValidationContext.LocalBroker.NONE);
    }

    private ConfigValidator(Pinout pinout, SecretSource secrets, Supplier<List<String>> lanAddresses, Path home,
                            Clock clock, ValidationContext.LocalBroker localBroker) {
        this.pinout = pinout;
        this.secrets = secrets;
        this.lanAddresses = lanAddresses;
        this.home = home;
        this.clock = clock;
        this.localBroker = localBroker;
    }

    public ConfigValidator(Pinout pinout, SecretSource secrets, Supplier<List<String>> lanAddresses) {
        this(pinout, secrets, lanAddresses, Path.of(System.getProperty("user.home", "/")), Clock.systemUTC());
    }

    public static ConfigValidator standard() {
        return new ConfigValidator(Pinout.picoW(), new SystemSecretSource(), LanAddresses::ipv4);
    }

    /** The same rules with another board's pins (a Pico 2 W found on the port, or --board). */
    public ConfigValidator forBoard(Pinout board) {
        return new ConfigValidator(board, secrets, lanAddresses, home, clock, localBroker);
    }

    /** Where this validator finds secrets. */
    public SecretSource secrets() {
        return secrets;
    }

    /** The same rules with another source of secrets, e.g. one that adds a made-up password for a test run. */
    public ConfigValidator withSecrets(SecretSource other) {
        return new ConfigValidator(pinout, other, lanAddresses, home, clock, localBroker);
    }

    /**
     * The same rules, and with a broker address that names this computer ({@code isThisComputer}) and no MQTT user
     * given, the MQTT user and password are {@code login}'s ({@link LocalBrokerLogin}).
     */
    public ConfigValidator withLocalBroker(LocalBrokerLogin login, Predicate<String> isThisComputer) {
        return new ConfigValidator(pinout, secrets, lanAddresses, home, clock,
                new ValidationContext.LocalBroker(login, isThisComputer));
    }

    /** The same rules without picking up a local broker's login. */
    public ConfigValidator withoutLocalBroker() {
        return withLocalBroker(LocalBrokerLogin.NONE, host -> false);
    }

    /** The settings for the firmware: every setting, every rule. */
    public PicoConfig validate(RawSettings raw) {
        return validate(raw, Use.FIRMWARE);
    }

    public PicoConfig validate(RawSettings raw, Use use) {
        Resolver r = new Resolver(raw, new ValidationContext(pinout, secrets, lanAddresses, home, clock, use,
                localBroker));
        Schema.ALL.forEach(r::find);
        Schema.runRules(r);
        if (!r.errors().isEmpty()) {
            throw new ConfigException(r.errors());
        }
        return r.result(Schema.ALL);
    }
}
