package dev.picotool.cli;

import dev.picotool.device.DeviceAccess;
import dev.picotool.device.PortNames;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --port}, shared by every command that talks to a board. */
public class PortOptions {
    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "Serial port of the board (/dev/ttyACM0, COM5, /dev/cu.usbmodem1101, socket://HOST:PORT), "
                    + "serial:NUMBER (the board's USB serial number, see `picotool ports`), or auto: the one Pico "
                    + "running MicroPython (found by its USB id). Default: $PICOTOOL_PORT, else auto.")
    String port;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The port to open, after auto-detection; says so when a typed name was adjusted (macOS tty. to cu.). */
    String resolve(DeviceAccess devices) {
        PortNames.Name chosen = devices.selector().choose(port);
        chosen.note().ifPresent(n -> command.commandLine().getErr().println("note: " + Terminal.escape(n)));
        return chosen.path();
    }
}
