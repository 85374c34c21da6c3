package dev.picotool.cli;

import dev.picotool.demo.Simulation;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --simulate FAULT}: make the virtual board fail the way real ones do, to see what picotool then says. */
class SimulationOption {
    @Option(names = "--simulate", paramLabel = "FAULT", defaultValue = "none", converter = Name.class,
            description = "Make something go wrong to see how picotool reports it: none, absent-sensor, "
                    + "flaky-sensor, wrong-wifi-password, wifi-down.")
    Simulation value;

    /** Simulations are written with hyphens on the command line: absent-sensor. */
    static final class Name implements ITypeConverter<Simulation> {
        @Override
        public Simulation convert(String text) {
            try {
                return Simulation.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + text + "' is not one of none, absent-sensor, flaky-sensor, "
                        + "wrong-wifi-password, wifi-down");
            }
        }
    }

    static String name(Simulation s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
