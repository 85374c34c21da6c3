package dev.picotool.cli;

import dev.picotool.device.Deadline;
import dev.picotool.device.SerialLink;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code picotool monitor}: show what the board prints, without interrupting it. */
@Command(name = "monitor", description = "Show the board's output (without stopping its program) until Ctrl-C.")
final class MonitorCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Mixin
    PortOptions port;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "0", description = "Stop after N seconds "
            + "(0 = until Ctrl-C).")
    int seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (seconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be 0 (until Ctrl-C) or "
                    + "more, not " + seconds);
        }
        String path = port.resolve(root.services().devices());
        Deadline until = Deadline.in(seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ofDays(3650));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Utf8Text text = new Utf8Text();
        try (SerialLink link = root.services().devices().open(path)) {
            err.println("monitoring " + path + (seconds > 0 ? " for " + seconds + " s" : " (Ctrl-C to stop)"));
            err.flush();
            while (!until.expired()) {
                out.print(text.feed(link.read(Duration.ofMillis(200))));
                out.flush();
            }
        }
        return 0;
    }
}
