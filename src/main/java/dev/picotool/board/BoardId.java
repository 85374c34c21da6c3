package dev.picotool.board;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The boards picotool has data for; each names its file {@code pinouts/<id>.json}. */
public enum BoardId {
    PICO_W, PICO2_W, PICO;

    /** pico_w, pico2_w, pico: the {@code "id"} in the data and the value of {@code --board}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String resource() {
        return "/pinouts/" + id() + ".json";
    }

    /** Reads {@code --board} values; anything else is a usage error that lists the boards. */
    public static BoardId parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (BoardId b : values()) {
            if (b.id().equals(t)) {
                return b;
            }
        }
        throw new PicoToolException(ExitCode.USAGE, "unknown board '" + text + "'",
                "use --board " + Arrays.stream(values()).map(BoardId::id).collect(Collectors.joining(", --board ")));
    }

    @Override
    public String toString() {
        return id();
    }
}
