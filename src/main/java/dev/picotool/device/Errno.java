package dev.picotool.device;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the errno name in the last line of a device traceback. A real board prints only the names in its own small
 * table ({@code OSError: [Errno 2] ENOENT}); others come out as a bare number ({@code OSError: 28} is ENOSPC), and
 * CPython-based peers print {@code [Errno 28] No space left on device}. All three map to the same name here.
 */
final class Errno {
    private Errno() {
    }

    private static final Pattern NAME = Pattern.compile("\\b(E[A-Z0-9]{2,})\\b");
    private static final Pattern NUMBER = Pattern.compile("OSError: (?:\\[Errno )?(-?\\d+)");

    /** Linux / MicroPython errno numbers (MicroPython uses the newlib values, which match Linux for these). */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "EPERM"), Map.entry(2, "ENOENT"), Map.entry(5, "EIO"), Map.entry(9, "EBADF"),
            Map.entry(11, "EAGAIN"), Map.entry(12, "ENOMEM"), Map.entry(13, "EACCES"), Map.entry(17, "EEXIST"),
            Map.entry(19, "ENODEV"), Map.entry(20, "ENOTDIR"), Map.entry(21, "EISDIR"), Map.entry(22, "EINVAL"),
            Map.entry(27, "EFBIG"), Map.entry(28, "ENOSPC"), Map.entry(30, "EROFS"), Map.entry(36, "ENAMETOOLONG"),
            Map.entry(39, "ENOTEMPTY"), Map.entry(95, "EOPNOTSUPP"), Map.entry(110, "ETIMEDOUT"));

    static Optional<String> of(String lastLine) {
        if (!lastLine.contains("OSError")) {
            return Optional.empty();
        }
        Matcher n = NUMBER.matcher(lastLine);
        if (n.find() && NAMES.containsKey(Integer.parseInt(n.group(1)))) {
            return Optional.of(NAMES.get(Integer.parseInt(n.group(1))));
        }
        Matcher m = NAME.matcher(lastLine);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
