package dev.picotool.device;

import dev.picotool.board.DetectedBoard;
import dev.picotool.board.MicroPythonVersion;
import java.util.List;

/**
 * Asks a board what it is, in the one exec the flasher needs anyway for the board id: its flash id, MicroPython
 * version, {@code sys.implementation._machine} (falling back to {@code os.uname().machine}, which every rp2 build has),
 * {@code _build} (1.25 and newer) and whether {@code network} imports (the plain Pico's build has no such module).
 */
final class BoardQuery {
    /** Five lines: id, version, machine, build, 1/0 for network. Checked with the real MicroPython compiler. */
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
            "print(binascii.hexlify(machine.unique_id()).decode())",
            "print('%d.%d.%d%s' % (_v[0], _v[1], _v[2], '-' + _v[3] if len(_v) > 3 and _v[3] else ''))",
            "print(_m)",
            "print(getattr(_i, '_build', ''))",
            "print(_n)",
            "");

    private BoardQuery() {
    }

    static DetectedBoard read(RawRepl repl) {
        return parse(repl.exec(CODE, "asking the board what it is"));
    }

    static DetectedBoard parse(String output) {
        List<String> lines = output.lines().map(String::strip).toList();
        if (lines.size() != 5 || !lines.get(0).matches("[0-9a-f]{2,64}") || !lines.get(4).matches("[01]")) {
            throw unexpected(output);
        }
        MicroPythonVersion version;
        try {
            version = MicroPythonVersion.parse(lines.get(1));
        } catch (IllegalArgumentException e) {
            throw unexpected(output);
        }
        return new DetectedBoard(lines.get(0), version, clip(lines.get(2)), clip(lines.get(3)),
                lines.get(4).equals("1"));
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
