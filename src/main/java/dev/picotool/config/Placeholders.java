package dev.picotool.config;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-board placeholders of topics and the device name, which the board expands at run time (firmware/app.py,
 * {@code expand}): {@code {id}} is the board's unique id ({@code machine.unique_id()}, 16 hex digits), {@code {id4}}
 * its last 4 hex digits (a short suffix for names), {@code {name}} the device name (topics only). So one set of
 * settings flashed onto several boards gives each board its own topics: {@code pico/{id}/status}.
 */
public final class Placeholders {
    public static final String ID = "{id}";
    public static final String ID4 = "{id4}";
    public static final String NAME = "{name}";
    /** {@code machine.unique_id()} is 8 bytes on the RP2040 and RP2350 (the flash chip's id), 16 hex digits. */
    static final int ID_DIGITS = 16;
    static final int ID4_DIGITS = 4;
    private static final Pattern BRACES = Pattern.compile("\\{[^{}]*}|[{}]");
    private static final Pattern BOARD_ID = Pattern.compile("[0-9a-f]{16}");

    private Placeholders() {
    }

    /** The placeholders allowed in topics. */
    static final List<String> IN_TOPICS = List.of(ID, ID4, NAME);
    /** The placeholders allowed in the device name ({@code {name}} in the name itself would never end). */
    static final List<String> IN_NAME = List.of(ID, ID4);

    /** Every {@code {…}} (or stray brace) must be one of {@code allowed}. */
    static void check(String text, List<String> allowed) throws Invalid {
        Matcher m = BRACES.matcher(text);
        while (m.find()) {
            if (!allowed.contains(m.group())) {
                String what = m.group().length() == 1 ? "a lone '" + m.group() + "'" : "'" + shorten(m.group())
                        + "'";
                throw new Invalid("has " + what + ", which is not a placeholder picotool knows",
                        "use only " + String.join(", ", allowed) + " (the board fills them in)");
            }
        }
    }

    static boolean uses(String text, String placeholder) {
        return text.contains(placeholder);
    }

    /** Bytes of the text once the board has expanded it, with a device name of {@code nameBytes} bytes. */
    static int expandedBytes(String text, int nameBytes) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        bytes += count(text, ID) * (ID_DIGITS - ID.length());
        bytes += count(text, ID4) * (ID4_DIGITS - ID4.length());
        bytes += count(text, NAME) * (nameBytes - NAME.length());
        return bytes;
    }

    /** What the board makes of a name or topic: its id and name filled in (the same rules as app.py). */
    public static String expand(String text, String boardId, String deviceName) {
        String id = normalizeId(boardId);
        String name = deviceName.replace(ID4, id.substring(ID_DIGITS - ID4_DIGITS)).replace(ID, id);
        return text.replace(ID4, id.substring(ID_DIGITS - ID4_DIGITS)).replace(ID, id).replace(NAME, name);
    }

    /** A board id as the board prints it (lower-case hex, 16 digits), or an {@link IllegalArgumentException}. */
    public static String normalizeId(String boardId) {
        String id = boardId.trim().toLowerCase(Locale.ROOT);
        if (!BOARD_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a board id is 16 hex digits, as in the firmware's first line "
                    + "'[picotool] firmware … starting, board e6614103e7a1b2c3'");
        }
        return id;
    }

    public static boolean isBoardId(String text) {
        return BOARD_ID.matcher(text).matches();
    }

    private static int count(String text, String placeholder) {
        int n = 0;
        for (int i = text.indexOf(placeholder); i >= 0; i = text.indexOf(placeholder, i + 1)) {
            n++;
        }
        return n;
    }

    private static String shorten(String s) {
        return s.length() <= 24 ? s : s.substring(0, 20) + "…}";
    }
}
