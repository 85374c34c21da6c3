package dev.picotool.cli;

import dev.picotool.device.Deadline;
import dev.picotool.device.SerialLink;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code picotool monitor}: show what the board prints, without interrupting it. */
@Command(name = "monitor", description = "Show the board's output (without stopping its program) until Ctrl-C.")
public final class MonitorCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Mixin
    PortOptions port;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "0", description = "Stop after N seconds "
            + "(0 = until Ctrl-C).")
    int seconds;

    /** Raw bytes go straight to stdout (the board's UTF-8 stays intact); the link closes when the JVM exits. */
    PrintStream sink = System.out;

    @Override
    public Integer call() {
        String path = port.resolve(root.services().devices());
        Deadline until = Deadline.in(seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ofDays(3650));
        try (SerialLink link = root.services().devices().open(path)) {
            System.err.println("monitoring " + path + (seconds > 0 ? " for " + seconds + " s" : " (Ctrl-C to stop)"));
            while (!until.expired()) {
                byte[] got = link.read(Duration.ofMillis(200));
                sink.write(got, 0, got.length);
                sink.flush();
            }
        }
        return 0;
    }
}
