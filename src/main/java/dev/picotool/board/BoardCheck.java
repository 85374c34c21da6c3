package dev.picotool.board;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, before anything is written, whether the firmware can run on the board found: the build must have Wi-Fi
 * (a {@code network} module), and the board's data (detected, or {@code --board}) must accept the sensor pin. An old
 * MicroPython is a warning, not a refusal.
 */
public final class BoardCheck {
    /**
     * The oldest MicroPython the firmware is written for. 1.20.0 brought {@code network.hostname()} and
     * {@code network.country()} (firmware/wifi.py sets both before connecting; older builds skip them and keep the
     * default hostname and the worldwide country code).
     */
    public static final MicroPythonVersion MINIMUM = MicroPythonVersion.parse("1.20.0");

    private final Optional<BoardId> override;
    private final Optional<String> sensorPin;

    private BoardCheck(Optional<BoardId> override, Optional<String> sensorPin) {
        this.override = override;
        this.sensorPin = sensorPin;
    }

    /** Use the board the REPL reports. */
    public static BoardCheck detect() {
        return new BoardCheck(Optional.empty(), Optional.empty());
    }

    /** {@code --board}: use this board's data whatever the board reports. */
    public BoardCheck withBoard(Optional<BoardId> board) {
        return new BoardCheck(board, sensorPin);
    }

    /** Also check that the sensor's data pin is usable on the board found. */
    public BoardCheck withSensorPin(Optional<String> pin) {
        return new BoardCheck(override, pin);
    }

    /** The board whose data applies, and what the user should know; the firmware can be written. */
    public record Verdict(Board board, List<String> warnings) {
        public Verdict {
            warnings = List.copyOf(warnings);
        }
    }

    public Verdict check(DetectedBoard found) {
        Optional<Board> identified = Boards.identify(found.build(), found.machine());
        Optional<Board> chosen = override.map(Boards::get);
        if (!found.hasNetwork() || identified.filter(b -> !b.wireless()).isPresent()) {
            throw noWifi(found, identified);
        }
        if (chosen.filter(b -> !b.wireless()).isPresent()) {
            throw new PicoToolException(ExitCode.USAGE, "--board " + chosen.get().id() + " has no Wi-Fi, which the "
                    + "firmware needs; nothing was written", "the board found says it is a " + found.machine()
                    + ": leave out --board, or name a board with Wi-Fi (pico_w, pico2_w)");
        }
        List<String> warnings = new ArrayList<>();
        Board board;
        if (chosen.isPresent()) {
            board = chosen.get();
            identified.filter(b -> b != board).ifPresent(b -> warnings.add("the board says it is a " + b.name()
                    + ", but --board " + board.id() + " was given: using the " + board.name() + "'s data"));
        } else if (identified.isPresent()) {
            board = identified.get();
        } else {
            board = Boards.wirelessWith(Boards.mcuOf(found.machine())).orElse(Boards.get(BoardId.PICO_W));
            warnings.add("picotool has no data for '" + found.machine() + "'; using the " + board.name()
                    + "'s. If that is wrong, say which board it is with --board (" + Boards.ids() + ")");
        }
        if (found.version().olderThan(MINIMUM)) {
            warnings.add("MicroPython " + found.version() + " on the board is older than " + MINIMUM + ", the oldest "
                    + "the firmware is written for: without network.hostname() and network.country() (new in 1.20) "
                    + "the board keeps its default hostname and Wi-Fi country. Fix: install the current "
                    + board.micropythonBoard() + " build from " + board.firmwareDownload());
        }
        sensorPin.flatMap(p -> board.pinout().rejection(p)).ifPresent(r -> {
            throw new PicoToolException(ExitCode.INVALID_CONFIG, "sensor.pin on the " + board.name() + ": "
                    + r.problem() + "; nothing was written", r.fix());
        });
        return new Verdict(board, warnings);
    }

    /** A build without the network module: the plain Pico's, or any board's without Wi-Fi. */
    private static PicoToolException noWifi(DetectedBoard found, Optional<Board> identified) {
        String what = identified.map(b -> "MicroPython for the " + b.name() + " (" + b.micropythonBoard() + ")")
                .orElse("a MicroPython build without Wi-Fi ('" + found.machine() + "')");
        Optional<Board> wireless = Boards.wirelessWith(Boards.mcuOf(found.machine()));
        String fix = wireless.map(w -> "if this is a " + w.name() + ", install the " + w.micropythonBoard()
                + " build: hold BOOTSEL while plugging it in, copy the .uf2 from " + w.firmwareDownload()
                + " onto the " + w.bootselDrive() + " drive, then flash again")
                .orElse("install the MicroPython build for your board with Wi-Fi ("
                        + Boards.all().stream().filter(Board::wireless).map(Board::micropythonBoard).toList() + ")");
        return new PicoToolException(ExitCode.DEVICE, "the board runs " + what + ": it has no network module, and "
                + "the firmware needs Wi-Fi to reach the broker; nothing was written",
                fix + ". A board without the wireless chip cannot run this firmware: use a Pico W or Pico 2 W");
    }
}
