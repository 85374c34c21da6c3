package dev.picotool.board;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** {@code picotool wiring}: the sensor drawing from pinouts/wiring-dht22.txt filled in for a plan, and the advice. */
public final class WiringDiagram {
    private WiringDiagram() {
    }

    public static String render(WiringPlan plan, Style style) {
        try (InputStream in = WiringDiagram.class.getResourceAsStream("/pinouts/wiring-dht22.txt")) {
            if (in == null) {
                throw DataFile.broken("/pinouts/wiring-dht22.txt", "is missing from the jar");
            }
            String drawing = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{sensor}", plan.sensor().name())
                    .replace("{board}", plan.board().name())
                    .replace("{pin}", plan.data().name())
                    .replace("{physical}", String.valueOf(plan.data().physical()))
                    .replace("{vdd}", String.valueOf(plan.power().physical()))
                    .replace("{vddName}", plan.power().name())
                    .replace("{gnd}", String.valueOf(plan.ground().physical()))
                    .replace("{gndName}", plan.ground().name())
                    .replace("{pullUp}", plan.sensor().pullUp());
            String reserved = plan.board().pinout().reserved().stream()
                    .map(r -> r.name() + " (" + r.function() + ")").collect(Collectors.joining(", "));
            return drawing + "\n" + PinoutText.advice(plan, style)
                    + (reserved.isEmpty() ? "" : "Not on the header, kept by the board: " + reserved + ".\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
