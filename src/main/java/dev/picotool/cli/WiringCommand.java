package dev.picotool.cli;

import dev.picotool.board.Board;
import dev.picotool.board.BoardId;
import dev.picotool.board.Boards;
import dev.picotool.board.Pinout;
import dev.picotool.board.SensorPower;
import dev.picotool.board.SensorSpec;
import dev.picotool.board.Style;
import dev.picotool.board.WiringDiagram;
import dev.picotool.board.WiringPlan;
import dev.picotool.config.ConfigException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code picotool wiring [--pin GP15]}: how to wire the sensor to the board. */
@Command(name = "wiring", description = "Show how to wire a DHT22 (or DHT11) to the board for the chosen data pin; "
        + "`picotool pinout` draws the whole header.")
final class WiringCommand implements Callable<Integer> {
    @Option(names = "--pin", paramLabel = "GPIO", description = "Data pin (default GP15).")
    String pin;

    @Option(names = "--board", paramLabel = "BOARD", defaultValue = "pico_w",
            description = "pico_w (default), pico2_w or pico.")
    String board;

    @Option(names = "--sensor", paramLabel = "SENSOR", defaultValue = "dht22", description = "dht22 (default) or dht11.")
    String sensor;

    @Option(names = "--power", paramLabel = "SUPPLY", defaultValue = "3v3",
            description = "Where VCC goes: 3v3 (3V3(OUT), default) or vbus (shows the risk of 5 V).")
    String power;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Board b = Boards.get(BoardId.parse(board));
        Pinout pinout = b.pinout();
        String name = pin == null ? pinout.defaultSensorPin() : pin;
        Optional<Pinout.PinRejection> rejected = pinout.rejection(name);
        if (rejected.isPresent()) {
            throw ConfigException.of("sensor.pin", rejected.get().problem(), rejected.get().fix());
        }
        WiringPlan plan = WiringPlan.of(b, SensorSpec.get(sensor), name, SensorPower.parse(power));
        PrintWriter out = spec.commandLine().getOut();
        out.print(WiringDiagram.render(plan, Style.forTerminal(System.console() != null, System.getenv("NO_COLOR"))));
        out.flush();
        return 0;
    }
}
