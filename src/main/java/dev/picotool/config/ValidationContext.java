package dev.picotool.config;

import dev.picotool.board.Board;
import dev.picotool.board.Pinout;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * What validation may consult besides the settings: the board (its pins and chip facts), where secrets come from, this computer's LAN
 * addresses (for hints only), the home directory ({@code ~/} in paths), the clock (certificate dates) and what the
 * settings are read for.
 */
record ValidationContext(Board board, SecretSource secrets, Supplier<List<String>> lanAddresses, Path home,
                         Clock clock, Use use) {
    Pinout pinout() {
        return board.pinout();
    }

    String exampleLan() {
        List<String> lan = lanAddresses.get();
        return lan.isEmpty() ? "192.168.1.11" : lan.get(0);
    }
}
