package dev.picotool.device;

import java.util.Map;
import java.util.Optional;

/**
 * Which port a command talks to: {@code --port} when given, else the {@code PICOTOOL_PORT} environment variable, else
 * "auto" (the one Pico running MicroPython, by USB id). Each may be a port name (understood per OS, see
 * {@link PortNames}), {@code socket://HOST:PORT}, {@code auto}, or {@code serial:NUMBER} (see {@link UsbSerialNumber}).
 */
public final class PortSelector {
    public static final String ENV = "PICOTOOL_PORT";

    private final PortEnumerator ports;
    private final OsFamily os;
    private final Map<String, String> env;

    public PortSelector(PortEnumerator ports, OsFamily os, Map<String, String> env) {
        this.ports = ports;
        this.os = os;
        this.env = env;
    }

    /** The port for {@code given} (null or blank = not given); with a note when a typed name was adjusted. */
    public PortNames.Name choose(String given) {
        String fromEnv = env.get(ENV);
        boolean useEnv = (given == null || given.isBlank()) && fromEnv != null && !fromEnv.isBlank();
        String spec = useEnv ? fromEnv.strip() : given == null ? "" : given.strip();
        try {
            return resolve(spec);
        } catch (DeviceException e) {
            if (!useEnv) {
                throw e;
            }
            throw new DeviceException(e.getMessage() + " (the port came from " + ENV + "=" + spec + ")",
                    e.hint() + "; or unset " + ENV, e);
        }
    }

    private PortNames.Name resolve(String spec) {
        PortEnumerator listed = () -> PortNames.withoutDialIn(ports.list());
        if (spec.isEmpty() || spec.equalsIgnoreCase(PortFinder.AUTO)) {
            return new PortNames.Name(PortNames.display(new PortFinder(listed).resolve(PortFinder.AUTO)),
                    Optional.empty());
        }
        if (spec.startsWith(TcpLink.SCHEME)) {
            return new PortNames.Name(spec, Optional.empty());
        }
        if (UsbSerialNumber.isSpec(spec)) {
            return new PortNames.Name(PortNames.display(UsbSerialNumber.find(spec, listed.list())), Optional.empty());
        }
        return PortNames.understand(spec, os);
    }
}
