package dev.picotool.device;

import dev.picotool.board.Watchdog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Takes a board over before anything is written: stops its program, disarms a hardware watchdog the firmware
 * started, and soft-resets it (frees the heap, stops timers and IRQ handlers whose output would interleave with our
 * protocol; main.py does not run after a reset in the raw REPL).
 *
 * <p>Why the watchdog: the firmware may run {@code machine.WDT} (at most 8.3 s on RP2040). MicroPython offers no way
 * to stop it and it keeps running through a soft reset, so a board we stopped at the prompt would reset itself in the
 * middle of a flash. The pico-sdk stops it by clearing the ENABLE bit of WATCHDOG_CTRL ({@code _watchdog_enable()}
 * in src/rp2_common/hardware_watchdog/watchdog.c; RP2040 datasheet section 4.7, RP2350 datasheet section 12.9); we do
 * the same through {@code machine.mem32}, with the address and bit from the board data, and only on the chip that
 * data describes ({@code os.uname().machine} ends with its name): the same address is another peripheral elsewhere.
 * The first exec after the prompt does it, as early as possible; a reset that still comes in between (a watchdog
 * with a short timeout) makes us reconnect and start again.
 */
final class BoardTakeover {
    private static final int ATTEMPTS = 3;
    private static final Duration COME_BACK_WITHIN = Duration.ofSeconds(10);

    /** The board as we found it: its flash id, its machine name, whether a watchdog was running (empty: unknown). */
    record Board(String id, String machine, Optional<Boolean> watchdogWasRunning) {
    }

    private final RawRepl repl;
    private final List<Watchdog> watchdogs;

    BoardTakeover(RawRepl repl, List<Watchdog> watchdogs) {
        this.repl = repl;
        this.watchdogs = List.copyOf(watchdogs);
    }

    /** Takes the board over; the survey's hashes are of {@code names}, the files a flash would write. */
    BoardSurvey takeOver(List<String> names) {
        for (int attempt = 1; ; attempt++) {
            try {
                repl.enterRaw();
                Board first = disarm("stopping the board's watchdog");
                repl.softResetRaw();
                // boot.py, which the soft reset ran, may start a watchdog too: the survey stops it again
                return BoardSurvey.read(repl, watchdogs, names).runningBefore(first.watchdogWasRunning());
            } catch (BoardDisconnectedException reset) {
                if (attempt >= ATTEMPTS || !repl.canReconnect()) {
                    throw reset;
                }
                repl.reconnect(COME_BACK_WITHIN); // reset by its watchdog before we reached it: once more
            }
        }
    }

    BoardSurvey takeOver() {
        return takeOver(List.of());
    }

    /** Clears the ENABLE bit when the chip is one we know; prints (id, machine, was it enabled or None). */
    private Board disarm(String purpose) {
        return parse(repl.exec(disarmCode(watchdogs), purpose), purpose);
    }

    static Board parse(String out, String purpose) {
        List<List<Object>> rows = BoardAnswer.rows(out, purpose);
        if (rows.size() != 1 || rows.get(0).size() != 3 || !(rows.get(0).get(0) instanceof String id)
                || !(rows.get(0).get(1) instanceof String machine)) {
            throw BoardAnswer.unreadable(purpose, "it is not (id, machine, watchdog)");
        }
        Object enabled = rows.get(0).get(2);
        return new Board(id, machine, enabled instanceof Long bit ? Optional.of(bit != 0) : Optional.empty());
    }

    static String disarmCode(List<Watchdog> watchdogs) {
        StringBuilder code = new StringBuilder("import os,machine,binascii\nm=os.uname()[4] if hasattr(os,'uname') "
                + "else ''\nw=None\n");
        String keyword = "if";
        for (Watchdog w : watchdogs) {
            code.append(keyword).append(" m.endswith(' ").append(w.mcu()).append("'):\n a=")
                    .append(String.format("0x%08x", w.ctrlAddress())).append("\n v=machine.mem32[a]\n w=v>>")
                    .append(w.enableBit()).append("&1\n machine.mem32[a]=v&~(1<<").append(w.enableBit())
                    .append(")\n");
            keyword = "elif";
        }
        return code.append("print(repr((binascii.hexlify(machine.unique_id()).decode(),m,w)))\n").toString();
    }
}
