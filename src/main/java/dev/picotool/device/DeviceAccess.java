package dev.picotool.device;

import java.util.List;
import java.util.Map;

/** How commands reach boards: list the ports, open one. Tests substitute the port list (ptys are never listed). */
public interface DeviceAccess {
    List<PortInfo> ports();

    SerialLink open(String port);

    /** The port for {@code --port SPEC} (null: not given, see {@link PortSelector}; "auto" finds the one Pico). */
    default String resolve(String spec) {
        return selector().choose(spec).path();
    }

    /** How {@code --port} is understood here: this OS's port names and the {@code PICOTOOL_PORT} variable. */
    default PortSelector selector() {
        return new PortSelector(this::ports, OsFamily.current(), environment());
    }

    /** The environment {@code PICOTOOL_PORT} comes from: none by default (tests), the process's for the system. */
    default Map<String, String> environment() {
        return Map.of();
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

            @Override
            public Map<String, String> environment() {
                return System.getenv();
            }
        };
    }
}
