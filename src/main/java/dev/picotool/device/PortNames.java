package dev.picotool.device;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How serial ports are named on each OS, so that a name typed for one is understood, and one typed for another OS is
 * explained. Windows: {@code COM5}, or {@code \\.\COM12} as the Win32 device namespace writes it (jSerialComm takes
 * both). macOS: every port twice, {@code /dev/cu.*} (call-out) and {@code /dev/tty.*} (dial-in); opening the dial-in
 * side waits for a modem's carrier signal, which a Pico never sends, so picotool uses the cu. twin (jSerialComm's
 * maintainer on Fazecast/jSerialComm#209: the cu. device "is almost always the file you should be using").
 */
public final class PortNames {
    private static final Pattern WINDOWS = Pattern.compile("(?i)(?:\\\\\\\\\\.\\\\)?(COM\\d{1,3})");
    private static final String MAC_DIAL_IN = "/dev/tty.";
    private static final String MAC_CALL_OUT = "/dev/cu.";

    /** The name to open, and a note when it differs from what was typed. */
    public record Name(String path, Optional<String> note) {
    }

    private PortNames() {
    }

    /** Understands {@code typed} on {@code os}; a name of another OS's kind is a usage problem, explained. */
    public static Name understand(String typed, OsFamily os) {
        String t = typed.strip();
        Matcher com = WINDOWS.matcher(t);
        if (com.matches()) {
            if (os == OsFamily.WINDOWS || os == OsFamily.OTHER) {
                return new Name(com.group(1).toUpperCase(Locale.ROOT), Optional.empty());
            }
            throw foreign(t, "a Windows port name", os);
        }
        if (os == OsFamily.WINDOWS && t.startsWith("/dev/")) {
            throw foreign(t, "a Linux or macOS device path", os);
        }
        if (os == OsFamily.MACOS && t.startsWith(MAC_DIAL_IN)) {
            String callOut = MAC_CALL_OUT + t.substring(MAC_DIAL_IN.length());
            return new Name(callOut, Optional.of("using " + callOut + ", the call-out side of " + t + " (opening the "
                    + "tty. side waits for a modem's carrier signal, which a Pico never sends)"));
        }
        return new Name(t, Optional.empty());
    }

    /** The OS's list without macOS's dial-in twins, so one board is one port. */
    public static List<PortInfo> withoutDialIn(List<PortInfo> ports) {
        Set<String> callOut = ports.stream().map(PortInfo::path).filter(p -> p.startsWith(MAC_CALL_OUT))
                .collect(Collectors.toSet());
        return ports.stream().filter(p -> !(p.path().startsWith(MAC_DIAL_IN)
                && callOut.contains(MAC_CALL_OUT + p.path().substring(MAC_DIAL_IN.length())))).toList();
    }

    /** "COM12" for jSerialComm's "\\.\COM12" on Windows; other names as they are. */
    public static String display(String path) {
        Matcher com = WINDOWS.matcher(path);
        return com.matches() ? com.group(1).toUpperCase(Locale.ROOT) : path;
    }

    private static DeviceException foreign(String typed, String kind, OsFamily os) {
        return new DeviceException("'" + typed + "' is " + kind + ", but this is " + os.displayName(),
                "here the Pico's port looks like " + os.examplePort() + ": `picotool ports` lists them (or leave out "
                        + "--port to find the board by its USB id)");
    }
}
