package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.device.PortInfo;
import dev.picotool.device.PortNames;
import dev.picotool.device.UsbSerialNumber;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool ports}: the serial ports, with Picos running MicroPython marked. */
@Command(name = "ports", description = "List serial ports with their USB id and serial number; boards running "
        + "MicroPython (by USB id) are marked with *. `--port serial:NUMBER` picks a board by its serial number.")
final class PortsCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<PortInfo> ports = PortNames.withoutDialIn(root.services().devices().ports());
        if (ports.isEmpty()) {
            out.println("no serial ports found: plug the Pico in with a data cable (a board in BOOTSEL mode is a "
                    + "USB drive, not a port)");
            return 0;
        }
        out.printf("  %-20s %-9s %-17s %s%n", "PORT", "USB", "SERIAL", "DESCRIPTION");
        for (PortInfo p : ports) {
            // By USB id only: asking an unknown device over its port could upset it; `doctor` asks the Picos.
            out.printf("%s %-20s %-9s %-17s %s%s%n", p.isMicroPythonPico() ? "*" : " ",
                    TerminalText.escape(PortNames.display(p.path())), p.usbId(),
                    TerminalText.escape(UsbSerialNumber.of(p).orElse("-")), TerminalText.escape(p.description()),
                    p.isMicroPythonPico() ? "  (MicroPython board)" : "  (MicroPython: unknown)");
        }
        return 0;
    }
}
