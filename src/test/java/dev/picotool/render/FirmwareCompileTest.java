package dev.picotool.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.HomeAssistantSettings;
import dev.picotool.config.PayloadFormat;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.SensorType;
import dev.picotool.config.UncheckedConfigs;
import dev.picotool.testing.Configs;
import dev.picotool.testing.MicroPython;
import dev.picotool.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The firmware must compile with the real MicroPython v1.27 compiler: CPython accepts syntax MicroPython rejects, so
 * CPython alone proves nothing. The static files in firmware/ are the same for every configuration, so each is
 * compiled once; only settings.py and main.py are rendered, and they are compiled for a few configurations.
 */
class FirmwareCompileTest {
    static final FirmwareRenderer RENDERER = new FirmwareRenderer("0.1.0");

    @Test
    void everyStaticFirmwareFileCompilesOnMicroPython() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(Repo.root().resolve("firmware"))) {
            sources = files.filter(p -> p.getFileName().toString().endsWith(".py")).sorted().toList();
        }
        assertThat(sources).extracting(p -> p.getFileName().toString()).contains("app.py", "picomqtt.py");
        for (Path source : sources) {
            String name = source.getFileName().toString();
            assertThat(MicroPython.shared().compileError(name, Files.readString(source))).as(name).isEmpty();
        }
    }

    static Stream<Arguments> configs() throws IOException {
        PicoConfig everything = Configs.raw("Lab", "secretpass", "pico-lab", "pico", "pw", "home/lab", "Lab sensor",
                SensorType.DHT11, PayloadFormat.JSON, true);
        PicoConfig bare = UncheckedConfigs.with(Configs.raw("Café", null, null, null, null, "pico", "Pico W",
                SensorType.NONE, PayloadFormat.PLAIN, false), Map.of(HomeAssistantSettings.DISCOVERY, false));
        return Stream.of(Arguments.of("tutorial", Configs.tutorial()), Arguments.of("everything on", everything),
                Arguments.of("everything off", bare));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void renderedFilesCompileOnMicroPython(String label, PicoConfig config) {
        for (String name : new String[] {"settings.py", "main.py"}) {
            String source = new String(RENDERER.render(config).file(name).orElseThrow().content(),
                    StandardCharsets.UTF_8);
            assertThat(MicroPython.shared().compileError(name, source)).as(label + " " + name).isEmpty();
        }
    }
}
