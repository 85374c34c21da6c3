package dev.picotool.doctor;

import dev.picotool.device.OsFamily;

/**
 * What to do on each OS, in one place: drivers, permissions, programs that hold the port, firewalls. Sources: Linux
 * ports are {@code root:dialout 0660} and ModemManager probes new CDC-ACM devices (raspberrypi/pico-examples#379);
 * Windows 10 and later bind their built-in usbser.sys to CDC-ACM devices such as MicroPython's; macOS has its CDC
 * driver built in and names ports /dev/cu.usbmodem*.
 */
final class OsAdvice {
    private OsAdvice() {
    }

    /** When no serial port shows up at all. */
    public static String noPorts(OsFamily os) {
        String common = "plug the Pico in with a data cable (many USB cables only carry power)";
        return switch (os) {
            case WINDOWS -> common + "; Windows 10 and 11 need no driver: Device Manager shows the board under "
                    + "\"Ports (COM & LPT)\" as \"USB Serial Device (COM5)\". On Windows 7 or 8, install a CDC driver "
                    + "(e.g. with Zadig) first";
            case MACOS -> common + "; macOS needs no driver: `ls /dev/cu.usbmodem*` shows the board";
            case LINUX -> common + "; `sudo dmesg -w` while plugging it in shows whether the kernel sees it (a "
                    + "line with cdc_acm and ttyACM0)";
            case OTHER -> common;
        };
    }

    /** When the user may not open the port. */
    public static String permission(OsFamily os, String group, boolean inGroupFile) {
        if (os != OsFamily.LINUX) {
            return "check that your user may open serial ports";
        }
        String g = group.isBlank() ? "dialout" : group;
        if (inGroupFile) {
            return "you were added to the " + g + " group, but this login session started before that: log out and "
                    + "in again (or reboot)";
        }
        return "add yourself to the " + g + " group: sudo usermod -aG " + g + " $USER, then log out and in again";
    }

    /** When another program holds the port, by the program's name. */
    public static String holder(OsFamily os, String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.contains("modemmanager")) {
            return "ModemManager grabs new USB serial devices: sudo systemctl stop ModemManager (or remove the "
                    + "modemmanager package if you use no mobile modem)";
        }
        if (n.contains("thonny")) {
            return "quit Thonny, or in Thonny choose Run > Disconnect (its Stop button keeps the port)";
        }
        return switch (os) {
            case WINDOWS -> "close the program that has the port open (Thonny, Arduino IDE, PuTTY, another picotool)";
            default -> "close " + name + " (screen: Ctrl-A then k; minicom: Ctrl-A then x), or end it";
        };
    }

    /** When this OS cannot name the program that holds a port. */
    public static String findHolder(OsFamily os, String port) {
        return switch (os) {
            case MACOS -> "if picotool says the port is busy: `lsof " + port + "` names the program";
            case WINDOWS -> "if picotool says the port is busy: close Thonny, Arduino IDE, PuTTY or another picotool "
                    + "(Windows cannot tell which one has it)";
            default -> "if picotool says the port is busy: `lsof " + port + "` or `fuser " + port + "` names it";
        };
    }

    /** When the broker does not answer in time: a firewall on the broker's computer is the usual cause. */
    public static String firewall(OsFamily os, int port) {
        return switch (os) {
            case WINDOWS -> "if the broker runs on this Windows computer, allow port " + port + " in Windows Defender "
                    + "Firewall (Inbound Rules, TCP " + port + "); otherwise check the broker's computer";
            case MACOS -> "if the broker runs on this Mac, allow it in System Settings > Network > Firewall";
            default -> "a firewall may drop the connection: on the broker's computer e.g. `sudo ufw allow " + port
                    + "/tcp`";
        };
    }
}
