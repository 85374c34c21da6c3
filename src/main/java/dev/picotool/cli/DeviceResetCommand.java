package dev.picotool.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code picotool device reset [--hard]}: restart the board so main.py runs from the start. */
@Command(name = "reset", description = "Restart the board: a soft reset (default) or --hard (machine.reset(); "
        + "USB reconnects).")
final class DeviceResetCommand implements Callable<Integer> {
    private static final Duration COME_BACK_WITHIN = Duration.ofSeconds(10);

    @ParentCommand
    DeviceCommand parent;

    @Mixin
    PortOptions port;

    @Option(names = "--hard", description = "Reset the whole chip, as the reset button would.")
    boolean hard;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Services s = parent.root.services();
        String path = port.resolve(s.devices());
        try (var repl = s.devices().connect(path, s.timings())) {
            repl.enterRaw();
            if (hard) {
                repl.hardReset(() -> s.devices().open(path), COME_BACK_WITHIN);
            } else {
                repl.restartMain();
            }
        }
        spec.commandLine().getOut().println((hard ? "hard" : "soft") + " reset done; main.py is running");
        return 0;
    }
}
