package dev.picotool.cli;

import dev.picotool.device.DeviceFileSystem;
import dev.picotool.device.FileNames;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code picotool device rm FILE}. */
@Command(name = "rm", description = "Remove a file from the board.")
final class DeviceRmCommand implements Callable<Integer> {
    @ParentCommand
    DeviceCommand parent;

    @Mixin
    PortOptions port;

    @Parameters(paramLabel = "FILE")
    String file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        BoardSession.run(parent.root, port, spec.commandLine().getErr(), repl -> {
            new DeviceFileSystem(repl).remove(file);
            return null;
        });
        spec.commandLine().getOut().println("removed " + FileNames.display(file));
        return 0;
    }
}
