package dev.picotool.cli;

import dev.picotool.device.DeviceFileSystem;
import dev.picotool.device.FileEntry;
import dev.picotool.device.FileNames;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool device ls [DIR]}. */
@Command(name = "ls", description = "List files on the board.")
final class DeviceLsCommand implements Callable<Integer> {
    @ParentCommand
    DeviceCommand parent;

    @Mixin
    PortOptions port;

    @Parameters(arity = "0..1", defaultValue = "/", paramLabel = "DIR")
    String dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<FileEntry> entries = BoardSession.run(parent.root, port, spec.commandLine().getErr(),
                repl -> new DeviceFileSystem(repl).list(dir));
        PrintWriter out = spec.commandLine().getOut();
        for (FileEntry e : entries) {
            // A name that could forge a line or reach the terminal as a control sequence is shown quoted.
            out.printf("%9d %s%s%n", e.size(), FileNames.display(e.name()), e.directory() ? "/" : "");
        }
        return 0;
    }
}
