package dev.picotool.device;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what our own code printed on the board: one {@code repr()} tuple per line. An answer that does not have
 * the expected shape (a board that is not MicroPython, or a boot.py printing in between) is a clear device error,
 * never a parsing crash.
 */
final class BoardAnswer {
    private BoardAnswer() {
    }

    /** Every non-blank line as a tuple (or list). */
    static List<List<Object>> rows(String out, String purpose) {
        List<List<Object>> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Object value;
            try {
                value = PyLiteralReader.parse(line.strip());
            } catch (PyLiteralReader.BadLiteral e) {
                throw unreadable(purpose, e.getMessage());
            }
            if (!(value instanceof List<?> row)) {
                throw unreadable(purpose, "a line is not a tuple");
            }
            rows.add(new ArrayList<>(row));
        }
        return rows;
    }

    static Long integer(List<Object> row, int index, String purpose) {
        if (index >= row.size() || !(row.get(index) instanceof Long n)) {
            throw unreadable(purpose, "a number is missing");
        }
        return n;
    }

    static DeviceException unreadable(String purpose, String why) {
        return new DeviceException("the board's answer while " + purpose + " could not be read (" + why + ")",
                "is this a board running MicroPython, and does its boot.py print nothing? Run `picotool device "
                        + "reset` and try again");
    }
}
