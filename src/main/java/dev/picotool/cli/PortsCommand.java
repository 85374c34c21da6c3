package dev.picotool.cli;

import dev.picotool.device.PortInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool ports}: the serial ports, with Picos running MicroPython marked. */
@Command(name = "ports", description = "List serial ports; boards running MicroPython are marked with *.")
public final class PortsCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<PortInfo> ports = root.services().devices().ports();
        if (ports.isEmpty()) {
            out.println("no serial ports found: plug the Pico in with a data cable (a board in BOOTSEL mode is a "
                    + "USB drive, not a port)");
            return 0;
        }
        for (PortInfo p : ports) {
            out.printf("%s %-20s %-9s %s%s%n", p.isMicroPythonPico() ? "*" : " ", p.path(), p.usbId(),
                    p.description(), p.isMicroPythonPico() ? "  (MicroPython board)" : "");
        }
        return 0;
    }
}
