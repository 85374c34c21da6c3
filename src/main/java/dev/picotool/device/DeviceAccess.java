package dev.picotool.device;

import java.util.List;

/** How commands reach boards: list the ports, open one. Tests substitute the port list (ptys are never listed). */
public interface DeviceAccess {
    List<PortInfo> ports();

    SerialLink open(String port);

    /** The port to use for {@code --port SPEC} ("auto" finds the one Pico). */
    default String resolve(String spec) {
        return new PortFinder(this::ports).resolve(spec);
    }

    /** A raw-REPL session on the port; after a reset (ours or the board's watchdog) it reopens the same port. */
    default RawRepl connect(String port, ReplTimings timings) {
        return new RawRepl(open(port), timings, () -> open(port));
    }

    static DeviceAccess system() {
        PortEnumerator enumerator = PortEnumerator.system();
        return new DeviceAccess() {
            @Override
            public List<PortInfo> ports() {
                return enumerator.list();
            }

            @Override
            public SerialLink open(String port) {
                return SerialLinks.open(port, enumerator);
            }
        };
    }
}
