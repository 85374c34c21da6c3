package dev.picotool.cli;

import dev.picotool.device.DeviceAccess;
import dev.picotool.device.PortFinder;
import dev.picotool.device.SerialLinks;
import picocli.CommandLine.Option;

/** {@code --port}, shared by every command that talks to a board. */
public class PortOptions {
    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = PortFinder.AUTO,
            description = "Serial port of the board (/dev/ttyACM0, COM5, socket://HOST:PORT), or auto (default): "
                    + "the one Pico running MicroPython (found by its USB id).")
    String port;

    /** The port to open, after auto-detection; a badly written port is a usage error before anything is opened. */
    String resolve(DeviceAccess devices) {
        SerialLinks.check(port);
        return devices.resolve(port);
    }
}
