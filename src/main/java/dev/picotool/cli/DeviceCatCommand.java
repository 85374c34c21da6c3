package dev.picotool.cli;

import dev.picotool.device.DeviceFileSystem;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code picotool device cat FILE}: the file's bytes on stdout (the user's own request, so settings.py too). */
@Command(name = "cat", description = "Print a file from the board.")
public final class DeviceCatCommand implements Callable<Integer> {
    @ParentCommand
    DeviceCommand parent;

    @Mixin
    PortOptions port;

    @Parameters(paramLabel = "FILE")
    String file;

    @Override
    public Integer call() {
        byte[] content = BoardSession.run(parent.root, port, repl -> new DeviceFileSystem(repl).read(file));
        System.out.write(content, 0, content.length);
        System.out.flush();
        return 0;
    }
}
