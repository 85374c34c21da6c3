package dev.picotool.cli;

import dev.picotool.demo.DemoConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code picotool demo}: {@code picotool test} with the built-in settings; no hardware, no settings needed. */
@Command(name = "demo", description = "Run the whole loop on this computer, no hardware needed: an embedded MQTT "
        + "broker, a virtual Pico W, the firmware flashed over its serial port, and the readings verified. The same "
        + "as `picotool test` with built-in settings.")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2", description = "Seconds between "
            + "readings (default ${DEFAULT-VALUE}, the DHT22's fastest).")
    int interval;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "2", description = "Readings to wait for on "
            + "each topic (default ${DEFAULT-VALUE}: the first proves the loop, the second the interval).")
    int count;

    @Mixin
    SimulationOption simulation;

    @Mixin
    ReportOptions reports;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Runs.checkCount(count);
        var out = spec.commandLine().getOut();
        out.println("picotool demo: the whole loop on this computer (no board needed)");
        int rc;
        try (ReportOptions.Prepared files = reports.prepare()) {
            rc = Runs.run(root.services(), DemoConfig.of(interval), simulation.value, count, files, out,
                    spec.commandLine().getErr());
        }
        if (rc == 0) {
            out.println("demo passed: flash it to a real Pico W with `tool/picotool flash --wifi YOUR_NETWORK "
                    + "--broker YOUR_COMPUTERS_LAN_ADDRESS`");
        }
        return rc;
    }
}
