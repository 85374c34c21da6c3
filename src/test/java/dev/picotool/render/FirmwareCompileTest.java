package dev.picotool.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.HomeAssistantSettings;
import dev.picotool.config.PayloadFormat;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.SensorType;
import dev.picotool.config.UncheckedConfigs;
import dev.picotool.testing.Configs;
import dev.picotool.testing.MicroPython;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered variant (sensor × payload × TLS × auth × Home Assistant) must compile with the real MicroPython
 * v1.27 compiler: CPython accepts syntax MicroPython rejects, so CPython alone proves nothing.
 */
class FirmwareCompileTest {
    static final FirmwareRenderer RENDERER = new FirmwareRenderer("0.1.0");

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (SensorType sensor : SensorType.values()) {
            for (PayloadFormat payload : PayloadFormat.values()) {
                for (boolean tls : new boolean[] {false, true}) {
                    for (boolean auth : new boolean[] {false, true}) {
                        for (boolean ha : new boolean[] {false, true}) {
                            out.add(Arguments.of(sensor, payload, tls, auth, ha));
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} tls={2} auth={3} ha={4}")
    @MethodSource("variants")
    void everyFileCompilesOnMicroPython(SensorType sensor, PayloadFormat payload, boolean tls, boolean auth,
                                        boolean ha) {
        PicoConfig config = UncheckedConfigs.with(Configs.raw("Lab", "secretpass", null, auth ? "pico" : null,
                auth ? "pw" : null, "pico", "Pico W", sensor, payload, tls),
                java.util.Map.of(HomeAssistantSettings.DISCOVERY, ha));
        for (DeviceFile f : RENDERER.render(config).files()) {
            String source = new String(f.content(), StandardCharsets.UTF_8);
            assertThat(MicroPython.shared().compileError(f.name(), source)).as(f.name()).isEmpty();
        }
    }
}
