package dev.picotool.config;

import dev.picotool.board.Board;
import dev.picotool.board.BoardId;
import dev.picotool.board.Boards;
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
    private final Board board;
    private final SecretSource secrets;
    private final Supplier<List<String>> lanAddresses;
    private final Path home;
    private final Clock clock;
    private final ValidationContext.LocalBroker localBroker;

    public ConfigValidator(Board board, SecretSource secrets, Supplier<List<String>> lanAddresses, Path home,
                           Clock clock) {
        this(board, secrets, lanAddresses, home, clock, ValidationContext.LocalBroker.NONE);
    }

    private ConfigValidator(Board board, SecretSource secrets, Supplier<List<String>> lanAddresses, Path home,
                            Clock clock, ValidationContext.LocalBroker localBroker) {
        this.board = board;
        this.secrets = secrets;
        this.lanAddresses = lanAddresses;
        this.home = home;
        this.clock = clock;
        this.localBroker = localBroker;
    }

    public ConfigValidator(Board board, SecretSource secrets, Supplier<List<String>> lanAddresses) {
        this(board, secrets, lanAddresses, Path.of(System.getProperty("user.home", "/")), Clock.systemUTC());
    }

    public static ConfigValidator standard() {
        return new ConfigValidator(Boards.get(BoardId.PICO_W), new SystemSecretSource(), LanAddresses::ipv4);
    }

    /** The same rules with another board's facts (a Pico 2 W found on the port, or --board). */
    public ConfigValidator forBoard(Board other) {
        return new ConfigValidator(other, secrets, lanAddresses, home, clock, localBroker);
    }

    /** Where this validator finds secrets. */
    public SecretSource secrets() {
        return secrets;
    }

    /** The same rules with another source of secrets, e.g. one that adds a made-up password for a test run. */
    public ConfigValidator withSecrets(SecretSource other) {
        return new ConfigValidator(board, other, lanAddresses, home, clock, localBroker);
    }

    /**
     * The same rules, and with a broker address that names this computer ({@code isThisComputer}) and no MQTT user
     * given, the MQTT user and password are {@code login}'s ({@link LocalBrokerLogin}).
     */
    public ConfigValidator withLocalBroker(LocalBrokerLogin login, Predicate<String> isThisComputer) {
        return new ConfigValidator(board, secrets, lanAddresses, home, clock,
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

    /**
     * The problems {@code validate} would report for one setting (by its key, e.g. {@code wifi.password}), the other
     * settings as given: {@code init} checks each answer as it is typed, with the same messages.
     */
    public List<ConfigError> problemsWith(RawSettings raw, String key) {
        Resolver r = new Resolver(raw, context(Use.FIRMWARE));
        Schema.ALL.forEach(r::find);
        Schema.runRules(r);
        return r.errors().stream().filter(e -> e.field().equals(key)).toList();
    }

    public PicoConfig validate(RawSettings raw, Use use) {
        Resolver r = new Resolver(raw, context(use));
        Schema.ALL.forEach(r::find);
        Schema.runRules(r);
        if (!r.errors().isEmpty()) {
            throw new ConfigException(r.errors());
        }
        return r.result(Schema.ALL);
    }

    private ValidationContext context(Use use) {
        return new ValidationContext(board, secrets, lanAddresses, home, clock, use, localBroker);
    }
}
