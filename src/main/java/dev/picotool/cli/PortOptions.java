package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.PortNames;
import dev.picotool.device.SerialLinks;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --port}, shared by every command that talks to a board. */
class PortOptions {
    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "Serial port of the board (/dev/ttyACM0, COM5, /dev/cu.usbmodem1101, socket://HOST:PORT), "
                    + "serial:NUMBER (the board's USB serial number, see `picotool ports`), or auto: the one Pico "
                    + "running MicroPython (found by its USB id). Default: $PICOTOOL_PORT, else auto.")
    String port;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The port to open, after auto-detection; says so when a typed name was adjusted (macOS tty. to cu.), and a
     * badly written port is a usage error before anything is opened.
     */
    String resolve(DeviceAccess devices) {
        PortNames.Name chosen = devices.selector().choose(port);
        chosen.note().ifPresent(n -> command.commandLine().getErr().println("note: " + TerminalText.escape(n)));
        SerialLinks.check(chosen.path());
        return chosen.path();
    }
}
