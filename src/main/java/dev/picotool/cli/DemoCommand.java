package dev.picotool.cli;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.demo.DemoRunner;
import dev.picotool.demo.Simulation;
import dev.picotool.demo.ToolDirectory;
import dev.picotool.verify.HumanReport;
import dev.picotool.verify.VerifyResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool demo}: the whole loop with no hardware: broker, virtual Pico, flash, verify. */
@Command(name = "demo", description = "Run the whole loop on this computer, no hardware needed: an embedded MQTT "
        + "broker, a virtual Pico W, the firmware flashed over its serial port, and the readings verified.")
public final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2", description = "Seconds between "
            + "readings (default ${DEFAULT-VALUE}, the DHT22's fastest).")
    int interval;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "3", description = "Readings to wait for on "
            + "each topic (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--simulate", paramLabel = "FAULT", defaultValue = "none", converter = SimulationName.class,
            description = "Make something go wrong to see how picotool reports it: none, absent-sensor, "
                    + "flaky-sensor, wrong-wifi-password, wifi-down.")
    Simulation simulation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Services s = root.services();
        out.println("picotool demo: the whole loop on this computer (no board needed)");
        DemoRunner.Options options = new DemoRunner.Options(ToolDirectory.locate(), interval, count, simulation,
                Duration.ofSeconds(10));
        DemoRunner.Result r = new DemoRunner(s.renderer(), s.devices(), s.timings()).run(options, what -> {
            out.println("==> " + what);
            out.flush();
        }, new ConsoleProgress(out, false), new LiveLines(out));
        if (r.verify().isEmpty()) {
            return r.flash().boot().map(b -> FlashCommand.verdict(b, out)).orElse(ExitCode.DEVICE.code());
        }
        VerifyResult verify = r.verify().get();
        out.println();
        HumanReport.lines(verify).forEach(out::println);
        out.flush();
        if (!verify.passed()) {
            throw new PicoToolException(ExitCode.VERIFICATION_FAILED, "the demo's readings did not pass for "
                    + String.join(", ", verify.failing()), simulation == Simulation.NONE
                    ? "the board's output above shows what it did" : "that is what --simulate "
                    + SimulationName.of(simulation) + " looks like; the board's output above shows the firmware's own "
                    + "explanation");
        }
        out.println("demo passed: flash it to a real Pico W with `tool/picotool flash --wifi YOUR_NETWORK "
                + "--broker YOUR_COMPUTERS_LAN_ADDRESS`");
        return 0;
    }

    /** Simulations are written with hyphens on the command line: absent-sensor. */
    static final class SimulationName implements picocli.CommandLine.ITypeConverter<Simulation> {
        @Override
        public Simulation convert(String value) {
            try {
                return Simulation.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of none, "
                        + "absent-sensor, flaky-sensor, wrong-wifi-password, wifi-down");
            }
        }

        static String of(Simulation s) {
            return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
