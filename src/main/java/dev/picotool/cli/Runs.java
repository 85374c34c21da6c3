package dev.picotool.cli;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.config.PicoConfig;
import dev.picotool.demo.Simulation;
import dev.picotool.demo.VirtualRun;
import java.io.PrintWriter;
import java.time.Duration;

/** The one way {@code test} and {@code demo} run a configuration on the virtual Pico and report on it. */
final class Runs {
    private Runs() {
    }

    static void checkCount(int count) {
        if (count < 1 || count > 1000) {
            throw new PicoToolException(ExitCode.USAGE, "--count must be between 1 and 1000", "e.g. --count 3");
        }
    }

    static int run(Services s, PicoConfig config, Simulation simulation, int count, ReportOptions.Prepared reports,
                   PrintWriter out, PrintWriter err) {
        RunOutput output = new RunOutput(out);
        VirtualRun.Result r = new VirtualRun(s.renderer(), s.devices(), s.timings()).run(config,
                new VirtualRun.Options(simulation, count, Duration.ofSeconds(10)), output.steps(),
                new ConsoleProgress(out, false), new LiveLines(out));
        return output.finish(r, reports, err, simulation == Simulation.NONE ? "the board's output above shows what it did"
                : "that is what --simulate " + SimulationOption.name(simulation) + " looks like; the board's output "
                + "above shows the firmware's own explanation");
    }
}
