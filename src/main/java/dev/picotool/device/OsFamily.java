package dev.picotool.device;

import java.util.Locale;

/**
 * The operating system picotool runs on, for the few things that differ: port names, where drives are mounted, and
 * the advice {@code doctor} gives. Everything OS-specific takes one of these, so tests can ask for another OS.
 */
public enum OsFamily {
    LINUX, MACOS, WINDOWS, OTHER;

    /** From the {@code os.name} system property ("Linux", "Mac OS X", "Windows 11"). */
    public static OsFamily of(String osName) {
        String n = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("linux")) {
            return LINUX;
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return MACOS;
        }
        if (n.startsWith("windows")) {
            return WINDOWS;
        }
        return OTHER;
    }

    public static OsFamily current() {
        return of(System.getProperty("os.name"));
    }

    /** "Linux", "macOS", "Windows", "this system". */
    public String displayName() {
        return switch (this) {
            case LINUX -> "Linux";
            case MACOS -> "macOS";
            case WINDOWS -> "Windows";
            case OTHER -> "this system";
        };
    }

    /** What the Pico's port is called here, for examples in messages. */
    public String examplePort() {
        return switch (this) {
            case WINDOWS -> "COM5";
            case MACOS -> "/dev/cu.usbmodem1101";
            default -> "/dev/ttyACM0";
        };
    }
}
