package dev.picotool.device;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the errno in the last line of a device traceback and says it in words. A real board names only the errors in
 * its own small table ({@code OSError: [Errno 2] ENOENT}, py/moderrno.c); the others come out as a bare number
 * ({@code OSError: 39} is ENOTEMPTY, {@code OSError: 28} ENOSPC), and CPython-based peers print
 * {@code [Errno 28] No space left on device}. All three map to the same name here.
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

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("EPERM", "operation not permitted"), Map.entry("ENOENT", "no such file or directory"),
            Map.entry("EIO", "input/output error of the flash"), Map.entry("EBADF", "the file is not open"),
            Map.entry("EAGAIN", "try again"), Map.entry("ENOMEM", "out of memory"),
            Map.entry("EACCES", "permission denied"), Map.entry("EEXIST", "it already exists"),
            Map.entry("ENODEV", "no such device"), Map.entry("ENOTDIR", "a part of the path is not a directory"),
            Map.entry("EISDIR", "it is a directory"), Map.entry("EINVAL", "invalid argument"),
            Map.entry("EFBIG", "the file is too large"), Map.entry("ENOSPC", "no space left on the filesystem"),
            Map.entry("EROFS", "the filesystem is read-only"), Map.entry("ENAMETOOLONG", "the name is too long"),
            Map.entry("ENOTEMPTY", "the directory is not empty"), Map.entry("EOPNOTSUPP", "not supported"),
            Map.entry("ETIMEDOUT", "timed out"));

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("ENOENT", "check the name with `picotool device ls` (names are case-sensitive)"),
            Map.entry("ENOTEMPTY", "remove the files in it first (`picotool device ls DIR`, then `picotool device "
                    + "rm DIR/FILE`)"),
            Map.entry("EISDIR", "name a file, not a directory; `picotool device ls DIR` shows what is in it"),
            Map.entry("ENOTDIR", "check the path with `picotool device ls`: a part of it is a file"),
            Map.entry("EEXIST", "choose another name, or remove the existing one with `picotool device rm`"),
            Map.entry("ENOSPC", "the board's filesystem is full: remove files you no longer need (`picotool device "
                    + "ls`, `picotool device rm FILE`) and try again"),
            Map.entry("ENAMETOOLONG", "use a shorter name (LittleFS takes up to 255 bytes)"),
            Map.entry("EINVAL", "check the name: the board's filesystem does not accept it"),
            Map.entry("EROFS", "the filesystem is mounted read-only (by boot.py?): remount it read-write or "
                    + "remove boot.py's mount"),
            Map.entry("EIO", "the board's flash may be worn or damaged: back up your files and reinstall "
                    + "MicroPython (hold BOOTSEL while plugging in, copy the .uf2 file)"),
            Map.entry("ENOMEM", "reset the board (`picotool device reset`) and try again"));

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

    /** "the directory is not empty (OSError: 39 = ENOTEMPTY)"; the line as it is when it holds no known errno. */
    static String explain(String lastLine) {
        Optional<String> name = of(lastLine);
        if (name.isEmpty() || !WORDS.containsKey(name.get())) {
            return lastLine;
        }
        String code = lastLine.contains(name.get()) ? lastLine : lastLine + " = " + name.get();
        return WORDS.get(name.get()) + " (" + code + ")";
    }

    /** What the user can do about this error, when there is a specific answer. */
    static Optional<String> hint(String lastLine) {
        return of(lastLine).map(HINTS::get);
    }
}
