package dev.picotool.device;

import dev.picotool.board.DetectedBoard;
import dev.picotool.board.Watchdog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a flash needs to know before it plans, read in the first exec after the takeover's soft reset: the
 * watchdog stopped again and the board id ({@link BoardTakeover}), what board it is ({@link BoardQuery}), the root's
 * listing, the sha256 of every file the flash would write, and the free space. Each exec is a round trip (10-15 ms on
 * rp2 firmware, issue 11), so one exec does what took five; each part keeps its own code and its own checks.
 *
 * @param board the board as taken over (its watchdog: whether one ran before the takeover or after its soft reset)
 */
record BoardSurvey(BoardTakeover.Board board, DetectedBoard found, List<FileEntry> root,
                   Map<String, Optional<String>> hashes, FreeSpace space) {
    /** The line that starts each part of the answer: no repr() of a tuple looks like it. */
    private static final String PART = "#";
    private static final String PURPOSE = "reading the board id, its files and its free space";

    static BoardSurvey read(RawRepl repl, List<Watchdog> watchdogs, List<String> names) {
        return parse(repl.exec(code(watchdogs, names), PURPOSE), names);
    }

    static String code(List<Watchdog> watchdogs, List<String> names) {
        String part = "print('" + PART + "')\n";
        return part + BoardTakeover.disarmCode(watchdogs) + part + BoardQuery.CODE + part
                + DeviceFileSystem.listCode("/") + part + DeviceFileSystem.hashCode(names) + part
                + DeviceFileSystem.FREE_SPACE_CODE;
    }

    static BoardSurvey parse(String out, List<String> names) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = null;
        for (String line : out.split("\n", -1)) {
            if (line.strip().equals(PART)) {
                if (current != null) {
                    parts.add(current.toString());
                }
                current = new StringBuilder();
            } else if (current != null) {
                current.append(line).append('\n');
            } else if (!line.isBlank()) {
                throw BoardAnswer.unreadable(PURPOSE, "it printed something before its answer");
            }
        }
        if (current != null) {
            parts.add(current.toString());
        }
        if (parts.size() != 5) {
            throw BoardAnswer.unreadable(PURPOSE, "it has " + parts.size() + " parts, not 5");
        }
        return new BoardSurvey(BoardTakeover.parse(parts.get(0), PURPOSE), BoardQuery.parse(parts.get(1)),
                DeviceFileSystem.parseList(parts.get(2), "/"), DeviceFileSystem.parseHashes(parts.get(3), names),
                DeviceFileSystem.parseFreeSpace(parts.get(4)));
    }

    /** This survey, knowing whether a watchdog ran before the soft reset too (unknown if unknown then). */
    BoardSurvey runningBefore(Optional<Boolean> before) {
        Optional<Boolean> either = before.map(b -> b || board.watchdogWasRunning().orElse(false));
        return new BoardSurvey(new BoardTakeover.Board(board.id(), board.machine(), either), found, root, hashes,
                space);
    }
}
