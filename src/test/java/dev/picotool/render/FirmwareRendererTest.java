package dev.picotool.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.PayloadFormat;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.SensorType;
import dev.picotool.testing.Configs;
import dev.picotool.testing.FakeSecrets;
import dev.picotool.testing.TestCerts;
import dev.picotool.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: the rendered settings.py and main.py for a few configurations, compared byte for byte.
 * After an intended template change, regenerate them with {@code ./mvnw test -Dtest=FirmwareRendererTest
 * -Dgolden.update=true} and review the diff.
 */
class FirmwareRendererTest {
    static final FirmwareRenderer RENDERER = new FirmwareRenderer("0.1.0");

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("default", Configs.tutorial()),
                Arguments.of("dht11-json-auth-tls", Configs.raw("Lab", "secretpass", "pico-lab", "pico", "mqtt-pw",
                        "home/lab", "Lab sensor", SensorType.DHT11, PayloadFormat.JSON, true)),
                Arguments.of("no-sensor-open-wifi", Configs.raw("Café", null, null, null, null, "pico", "Pico W",
                        SensorType.NONE, PayloadFormat.PLAIN, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void matchesGoldenFiles(String variant, PicoConfig config) throws IOException {
        FirmwareBundle bundle = RENDERER.render(config);
        for (String name : new String[] {"settings.py", "main.py"}) {
            Path golden = Repo.root().resolve("src/test/resources/golden").resolve(variant).resolve(name);
            String actual = new String(bundle.file(name).orElseThrow().content(), StandardCharsets.UTF_8);
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual);
            }
            assertThat(actual).as("%s/%s (regenerate with -Dgolden.update=true)", variant, name)
                    .isEqualTo(Files.readString(golden));
        }
    }

    @Test
    void filesComeInWriteOrderWithMainLast() {
        FirmwareBundle bundle = RENDERER.render(Configs.tutorial());
        assertThat(bundle.files()).extracting(DeviceFile::name)
                .containsExactly("picoboot.py", "wifi.py", "mqttpacket.py", "picomqtt.py", "mqtterrors.py",
                        "tlscontext.py", "hadiscovery.py", "diagnostics.py", "statusled.py", "DHT22.py", "app.py",
                        "settings.py", "main.py");
    }

    @Test
    void mainTemplateIsAShortEntryPointWithoutDirectives() throws IOException {
        String template = Files.readString(Repo.root().resolve("templates/main.py.ftl"));
        assertThat(template.lines().count()).isLessThanOrEqualTo(15);
        // FreeMarker directives and macros in either syntax: <#if>, </#if>, <@m/>, [#if], [@m/]
        assertThat(template).doesNotContainPattern("[<\\[]/?[#@]");
        assertThat(template).contains("import app");
    }

    @Test
    void noSensorMeansNoSensorLibraryAndOtherwiseTheSameFiles() {
        FirmwareBundle bundle = RENDERER.render(Configs.raw("Lab", "secretpass", null, null, null, "p", "P",
                SensorType.NONE, PayloadFormat.PLAIN, false));
        assertThat(bundle.file("DHT22.py")).isEmpty();
        // Optional modules ship even when their feature is off: the board never imports them then.
        assertThat(bundle.files()).extracting(DeviceFile::name).containsExactly("picoboot.py", "wifi.py",
                "mqttpacket.py", "picomqtt.py", "mqtterrors.py", "tlscontext.py", "hadiscovery.py", "diagnostics.py",
                "statusled.py", "app.py", "settings.py", "main.py");
    }

    @Test
    void staticFilesAreCopiedByteForByte() throws IOException {
        FirmwareBundle bundle = RENDERER.render(Configs.tutorial());
        for (String name : new String[] {"wifi.py", "mqttpacket.py", "picomqtt.py", "mqtterrors.py", "tlscontext.py",
                "hadiscovery.py", "diagnostics.py", "statusled.py", "DHT22.py", "app.py"}) {
            assertThat(bundle.file(name).orElseThrow().content())
                    .isEqualTo(Files.readAllBytes(Repo.root().resolve("firmware").resolve(name)));
        }
    }

    @Test
    void caCertificateIsShippedWhenConfigured(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path ca = TestCerts.make(dir).caFile();
        PicoConfig withCa = Configs.validator(new FakeSecrets().env("PW", "secretpass")).validate(Configs.tutorialRaw()
                .put("mqtt.ca_file", ca.toString()));
        FirmwareBundle bundle = RENDERER.render(withCa);
        // DER: MicroPython's mbedTLS has no PEM parser (load_verify_locations raises ValueError: invalid cert).
        String pem = Files.readString(ca);
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.substring(pem.indexOf('\n') + 1,
                pem.indexOf("-----END")));
        assertThat(bundle.file("ca.der").orElseThrow().content()).isEqualTo(der).startsWith((byte) 0x30);
        assertThat(bundle.file("ca.pem")).isEmpty();
        assertThat(new String(bundle.file("settings.py").orElseThrow().content(), StandardCharsets.UTF_8))
                .contains("MQTT_CA_FILE = 'ca.der'").contains("MQTT_TLS = True");
    }

    @Test
    void everyFirmwareFileIsShipped() throws IOException {
        FirmwareBundle bundle = RENDERER.render(Configs.tutorial());
        try (Stream<Path> files = Files.list(Repo.root().resolve("firmware"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py")))
                    .allSatisfy(n -> assertThat(bundle.file(n)).as(n + " is rendered").isPresent());
        }
    }
}
