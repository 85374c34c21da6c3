package dev.picotool.cli;

import dev.picotool.board.Pin;
import dev.picotool.board.Pinout;
import dev.picotool.board.WiringDiagram;
import dev.picotool.config.ConfigException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code picotool wiring [--pin GP15]}: how to wire the DHT22 to the Pico W. */
@Command(name = "wiring", description = "Show how to wire a DHT22 to the Pico W for the chosen data pin.")
public final class WiringCommand implements Callable<Integer> {
    @Option(names = "--pin", paramLabel = "GPIO", description = "Data pin (default GP15).")
    String pin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Pinout pinout = Pinout.picoW();
        String name = pin == null ? pinout.defaultSensorPin() : pin;
        pinout.reservedReason(name).ifPresent(reason -> {
            throw ConfigException.of("sensor.pin", name + " cannot be used: " + reason,
                    "choose one of " + pinout.validNames());
        });
        Pin data = pinout.find(name).orElseThrow(() -> ConfigException.of("sensor.pin", "'" + name
                + "' is not a GPIO on the " + pinout.board(), "use one of " + pinout.validNames()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(WiringDiagram.dht22(pinout, data));
        if (data.hasCaution()) {
            out.println("Note: " + data.name() + " is " + data.caution() + ".");
        }
        out.flush();
        return 0;
    }
}
