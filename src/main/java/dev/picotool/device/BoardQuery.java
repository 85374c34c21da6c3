package dev.picotool.device;

import dev.picotool.board.DetectedBoard;
import dev.picotool.board.MicroPythonVersion;
import java.util.List;

/**
 * Asks a board what it is (part of the flash's first exec after the takeover, {@link BoardSurvey}): its flash id,
 * MicroPython version, {@code sys.implementation._machine} (falling back to {@code os.uname().machine}, which every rp2
 * build has), {@code _build} (1.25 and newer) and whether {@code network} imports (the plain Pico's build has none).
 */
final class BoardQuery {
    /** One line: repr((id, version, machine, build, 1/0 for network)). Checked with the real MicroPython compiler. */
    static final String CODE = String.join("\n",
            "import sys, os, machine, binascii",
            "try:",
            "    import network",
            "    _n = 1",
            "except ImportError:",
            "    _n = 0",
            "_i = sys.implementation",
            "_v = _i.version",
            "_m = getattr(_i, '_machine', None)",
            "if _m is None:",
            "    _m = os.uname().machine",
            "print(repr((binascii.hexlify(machine.unique_id()).decode(), '%d.%d.%d%s' % (_v[0], _v[1], _v[2], "
                    + "'-' + _v[3] if len(_v) > 3 and _v[3] else ''), _m, getattr(_i, '_build', ''), _n)))",
            "");

    private BoardQuery() {
    }

    static DetectedBoard read(RawRepl repl) {
        return parse(repl.exec(CODE, "asking the board what it is"));
    }

    static DetectedBoard parse(String output) {
        List<List<Object>> rows;
        try {
            rows = BoardAnswer.rows(output, "asking the board what it is");
        } catch (DeviceException e) {
            throw unexpected(output);
        }
        if (rows.size() != 1 || rows.get(0).size() != 5 || !(rows.get(0).get(0) instanceof String id)
                || !(rows.get(0).get(1) instanceof String v) || !(rows.get(0).get(2) instanceof String machine)
                || !(rows.get(0).get(3) instanceof String build) || !(rows.get(0).get(4) instanceof Long n)
                || !id.matches("[0-9a-f]{2,64}") || n < 0 || n > 1) {
            throw unexpected(output);
        }
        MicroPythonVersion version;
        try {
            version = MicroPythonVersion.parse(v);
        } catch (IllegalArgumentException e) {
            throw unexpected(output);
        }
        return new DetectedBoard(id, version, clip(machine), clip(build), n == 1);
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }

    private static DeviceException unexpected(String output) {
        String shown = output.length() > 200 ? output.substring(0, 200) + "..." : output;
        return new DeviceException("the board answered the question what it is with something unexpected: "
                + shown.replaceAll("[\\p{Cntrl}&&[^\n]]", "?").replace("\n", " | "),
                "is it running MicroPython? `picotool device exec \"import sys; print(sys.implementation)\"` shows "
                        + "what it runs");
    }
}
