package dev.picotool.board;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The board data shipped in the jar, loaded once: look boards up by id, by what MicroPython reports, by USB id. */
public final class Boards {
    private static final Map<BoardId, Board> ALL = load();

    private Boards() {
    }

    private static Map<BoardId, Board> load() {
        Map<BoardId, Board> m = new EnumMap<>(BoardId.class);
        for (BoardId id : BoardId.values()) {
            m.put(id, Board.load(id));
        }
        return m;
    }

    /** The watchdogs of every known chip, for disarming whichever one the board turns out to have. */
    public static List<Watchdog> watchdogs() {
        return all().stream().map(Board::watchdog).distinct().toList();
    }

    public static Board get(BoardId id) {
        return ALL.get(id);
    }

    public static List<Board> all() {
        return List.copyOf(ALL.values());
    }

    /**
     * The board a MicroPython build runs on, from {@code sys.implementation._build} (1.25 and newer: "RPI_PICO2_W" or
     * "RPI_PICO2_W-RISCV") or else the board part of {@code _machine} ("Raspberry Pi Pico 2 W" in "Raspberry Pi Pico
     * 2 W with RP2350").
     */
    public static Optional<Board> identify(String build, String machine) {
        if (build != null && !build.isEmpty()) {
            for (Board b : ALL.values()) {
                if (build.equals(b.micropythonBoard()) || build.startsWith(b.micropythonBoard() + "-")) {
                    return Optional.of(b);
                }
            }
        }
        String boardPart = boardPart(machine);
        return ALL.values().stream().filter(b -> boardPart(b.machine()).equals(boardPart)).findFirst();
    }

    /** "RP2350" from "Raspberry Pi Pico 2 W with RP2350-RISCV"; empty when the text has no " with ". */
    public static String mcuOf(String machine) {
        int with = machine == null ? -1 : machine.lastIndexOf(" with ");
        if (with < 0) {
            return "";
        }
        String mcu = machine.substring(with + 6).trim();
        int dash = mcu.indexOf('-');
        return dash > 0 ? mcu.substring(0, dash) : mcu;
    }

    /** The wireless board built on {@code mcu} (the one to suggest when a board runs a build without Wi-Fi). */
    public static Optional<Board> wirelessWith(String mcu) {
        return ALL.values().stream().filter(b -> b.wireless() && b.mcu().equals(mcu)).findFirst();
    }

    /** Whether a USB device is a board running MicroPython, by the VID:PID MicroPython's rp2 port uses. */
    public static boolean isMicroPythonUsb(int vid, int pid) {
        return ALL.values().stream().anyMatch(b -> b.usb().vid() == vid && b.usb().pid() == pid);
    }

    /** Whether a USB vendor id is the boards' maker's (Raspberry Pi). */
    public static boolean isBoardVendor(int vid) {
        return ALL.values().stream().anyMatch(b -> b.usb().vid() == vid);
    }

    /** "2E8A:0005": every distinct MicroPython USB id, for messages. */
    public static String usbIds() {
        return ALL.values().stream().map(b -> b.usb().text()).distinct().collect(Collectors.joining(", "));
    }

    /** "RPI-RP2 or RP2350": the BOOTSEL drive names, for messages. */
    public static String bootselDrives() {
        return ALL.values().stream().map(Board::bootselDrive).distinct().collect(Collectors.joining(" or "));
    }

    /** "pico_w, pico2_w, pico". */
    public static String ids() {
        return Arrays.stream(BoardId.values()).map(BoardId::id).collect(Collectors.joining(", "));
    }

    private static String boardPart(String machine) {
        if (machine == null) {
            return "";
        }
        int with = machine.lastIndexOf(" with ");
        return (with < 0 ? machine : machine.substring(0, with)).trim();
    }
}
