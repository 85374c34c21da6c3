package dev.picotool.config;

import dev.picotool.board.Board;
import dev.picotool.board.Pinout;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What validation may consult besides the settings: the board (its pins and chip facts), where secrets come from,
 * this computer's LAN addresses (for hints only), the home directory ({@code ~/} in paths), the clock (certificate
 * dates), what the settings are read for, and the login of a broker on this computer.
 */
record ValidationContext(Board board, SecretSource secrets, Supplier<List<String>> lanAddresses, Path home,
                         Clock clock, Use use, LocalBroker localBroker) {
    /** {@code picotool broker}'s login, and how to tell that a broker address names this computer. */
    record LocalBroker(LocalBrokerLogin login, Predicate<String> isThisComputer) {
        static final LocalBroker NONE = new LocalBroker(LocalBrokerLogin.NONE, host -> false);
    }

    ValidationContext(Board board, SecretSource secrets, Supplier<List<String>> lanAddresses, Path home,
                      Clock clock, Use use) {
        this(board, secrets, lanAddresses, home, clock, use, LocalBroker.NONE);
    }

    Pinout pinout() {
        return board.pinout();
    }

    String exampleLan() {
        List<String> lan = lanAddresses.get();
        return lan.isEmpty() ? "192.168.1.11" : lan.get(0);
    }
}
