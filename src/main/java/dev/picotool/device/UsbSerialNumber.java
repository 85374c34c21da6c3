package dev.picotool.device;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code --port serial:NUMBER}: the port of the board with that USB serial number, whatever the OS called it today.
 * MicroPython's rp2 port reports the flash chip's unique id in hex as the serial number (shared/tinyusb/mp_usbd.c,
 * mp_usbd_hex_str, lower case), the same id {@code machine.unique_id()} returns and {@code flash} prints as the board
 * id; other tools show it in capitals, so it is compared without case.
 */
public final class UsbSerialNumber {
    public static final String PREFIX = "serial:";
    private static final Pattern TEXT = Pattern.compile("[!-~]{1,64}");

    private UsbSerialNumber() {
    }

    /** Whether {@code spec} asks for a serial number. */
    public static boolean isSpec(String spec) {
        return spec.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** "E6614C311B7A5B21", or empty for ports without one (jSerialComm says "Unknown"). */
    public static Optional<String> of(PortInfo p) {
        String s = p.serialNumber();
        return s == null || s.isBlank() || s.equalsIgnoreCase("Unknown") ? Optional.empty() : Optional.of(s.strip());
    }

    /** The one port whose serial number is the one in {@code spec}. */
    public static String find(String spec, List<PortInfo> ports) {
        String wanted = spec.substring(PREFIX.length()).strip();
        if (!TEXT.matcher(wanted).matches()) {
            throw new DeviceException("'" + PREFIX + "' must be followed by the board's USB serial number (1 to 64 "
                    + "letters and digits)", "`picotool ports` shows each board's serial number; e.g. --port "
                    + PREFIX + "e6614c311b7a5b21");
        }
        List<PortInfo> matching = ports.stream().filter(p -> of(p).filter(s -> s.equalsIgnoreCase(wanted))
                .isPresent()).toList();
        if (matching.size() == 1) {
            return matching.get(0).path();
        }
        if (matching.size() > 1) {
            throw new DeviceException(matching.size() + " ports have the serial number " + wanted + ": "
                    + matching.stream().map(PortInfo::path).collect(Collectors.joining(", ")), "pass one of them "
                    + "with --port");
        }
        String seen = ports.stream().flatMap(p -> of(p).map(s -> s + " (" + PortNames.display(p.path()) + ")")
                .stream()).collect(Collectors.joining(", "));
        throw new DeviceException("no port with the USB serial number " + wanted.toLowerCase(Locale.ROOT)
                + " (any case)", seen.isEmpty() ? "no port reports a serial number right now: is the board plugged "
                + "in with a data cable?" : "serial numbers seen: " + seen);
    }
}
