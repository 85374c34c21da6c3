package dev.picotool.cli;

import dev.picotool.device.DeviceFileSystem;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool device cat FILE}: the file's bytes on stdout (the user's own request, so settings.py too). */
@Command(name = "cat", description = "Print a file from the board.")
final class DeviceCatCommand implements Callable<Integer> {
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
        byte[] content = BoardSession.run(parent.root, port, spec.commandLine().getErr(),
                repl -> new DeviceFileSystem(repl).read(file));
        PrintWriter out = spec.commandLine().getOut();
        out.print(new Utf8Text().feed(content));
        out.flush();
        return 0;
    }
}
