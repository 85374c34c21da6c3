package dev.picotool.cli;

import dev.picotool.board.Board;
import dev.picotool.board.BoardId;
import dev.picotool.board.Boards;
import dev.picotool.board.Pinout;
import dev.picotool.board.PinoutText;
import dev.picotool.board.SensorPower;
import dev.picotool.board.SensorSpec;
import dev.picotool.board.Style;
import dev.picotool.board.WiringPlan;
import dev.picotool.board.WiringSvg;
import dev.picotool.config.ConfigException;
import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.render.OutputDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code picotool pinout}: the board's header in the terminal with the sensor's wires, and an SVG diagram. */
@Command(name = "pinout", description = "Show the board's 40 header pins and where the sensor's wires go "
        + "(DATA, VCC, GND), the pull-up and the power advice; --svg also writes a wiring diagram.")
final class PinoutCommand implements Callable<Integer> {
    private static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");

    @Option(names = "--board", paramLabel = "BOARD", defaultValue = "pico_w",
            description = "pico_w (default), pico2_w or pico.")
    String board;

    @Option(names = "--sensor", paramLabel = "SENSOR", defaultValue = "dht22", description = "dht22 (default) or dht11.")
    String sensor;

    @Option(names = "--pin", paramLabel = "GPIO", description = "The sensor's data pin (default GP15).")
    String pin;

    @Option(names = "--power", paramLabel = "SUPPLY", defaultValue = "3v3",
            description = "Where VCC goes: 3v3 (3V3(OUT), default) or vbus (shows the risk of 5 V).")
    String power;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also write the wiring diagram as an SVG file.")
    Path svg;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Board b = Boards.get(BoardId.parse(board));
        SensorSpec s = SensorSpec.get(sensor);
        SensorPower supply = SensorPower.parse(power);
        Style style = Style.forTerminal(System.console() != null, System.getenv("NO_COLOR"));
        String name = pin == null ? b.pinout().defaultSensorPin() : pin;
        PrintWriter out = spec.commandLine().getOut();
        Optional<Pinout.PinRejection> rejected = b.pinout().rejection(name);
        if (rejected.isPresent()) {
            out.print(PinoutText.boardOnly(b, name, style));
            out.flush();
            throw ConfigException.of("sensor.pin", rejected.get().problem(), rejected.get().fix());
        }
        WiringPlan plan = WiringPlan.of(b, s, name, supply);
        out.print(PinoutText.render(plan, style));
        if (svg != null) {
            writeSvg(svg, WiringSvg.render(plan));
            out.println("\nwrote the wiring diagram to " + svg);
        }
        out.flush();
        return 0;
    }

    /** Atomically (a reader never sees half a diagram), readable by everyone: a diagram holds no secret. */
    private static void writeSvg(Path file, String svg) {
        if (Files.isDirectory(file)) {
            throw new PicoToolException(ExitCode.USAGE, "--svg " + file + " is a directory",
                    "name the file to write, e.g. --svg " + file.resolve("wiring.svg"));
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new PicoToolException(ExitCode.USAGE, "cannot write " + file + ": the directory " + dir
                    + " does not exist", "create it first, or give a file in an existing directory, e.g. --svg "
                    + "wiring.svg");
        }
        try {
            OutputDirectory.writeAtomically(file, svg.getBytes(StandardCharsets.UTF_8), PUBLIC_FILE);
        } catch (IOException e) {
            throw new PicoToolException(ExitCode.USAGE, "cannot write " + file + " (" + e.getClass().getSimpleName()
                    + ")", "check that " + dir + " is writable, or give another --svg FILE");
        }
    }
}
