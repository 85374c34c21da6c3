package dev.picotool.board;

/**
 * What a board running MicroPython says about itself over the REPL.
 *
 * @param boardId    {@code machine.unique_id()} in hex, the board's flash id
 * @param machine    {@code sys.implementation._machine}, e.g. "Raspberry Pi Pico W with RP2040"
 * @param build      {@code sys.implementation._build} (MicroPython 1.25 and newer, e.g. "RPI_PICO_W"), else empty
 * @param hasNetwork whether {@code import network} works: the Wi-Fi builds have it, the plain Pico's has not
 */
public record DetectedBoard(String boardId, MicroPythonVersion version, String machine, String build,
                            boolean hasNetwork) {
    /** "Raspberry Pi Pico W with RP2040, MicroPython 1.27.0 (RPI_PICO_W), board id e6614103e7a1b2c3". */
    public String summary() {
        return machine + ", MicroPython " + version + (build.isEmpty() ? "" : " (" + build + ")") + ", board id "
                + boardId;
    }
}
