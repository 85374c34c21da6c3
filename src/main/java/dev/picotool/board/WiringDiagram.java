package dev.picotool.board;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The DHT22 wiring diagram from pinouts/wiring-dht22.txt, filled in for the chosen data pin. */
public final class WiringDiagram {
    private WiringDiagram() {
    }

    public static String dht22(Pinout pinout, Pin data) {
        try (InputStream in = WiringDiagram.class.getResourceAsStream("/pinouts/wiring-dht22.txt")) {
            if (in == null) {
                throw new IllegalStateException("pinouts/wiring-dht22.txt is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{pin}", data.name())
                    .replace("{physical}", String.valueOf(data.physical()))
                    .replace("{vdd}", String.valueOf(pinout.sensorPowerPin()))
                    .replace("{gnd}", String.valueOf(pinout.sensorGroundPin()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
