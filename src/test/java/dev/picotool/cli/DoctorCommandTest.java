package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.ConfigFiles;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.PortInfo;
import dev.picotool.device.SerialLink;
import dev.picotool.testing.FakeDevices;
import dev.picotool.testing.VirtualPico;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `picotool doctor` as a user runs it: once against a virtual Pico, once with no board at all. */
class DoctorCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(DeviceAccess devices, String... args) {
        PicoTool tool = new PicoTool(Services.standard().withDevices(devices).withConfigFiles(ConfigFiles.none()));
        return PicoTool.execute(tool, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** The OS port list given, and PICOTOOL_PORT as the environment says. */
    static DeviceAccess devices(Map<String, String> env, PortInfo... ports) {
        DeviceAccess listed = FakeDevices.listing(ports);
        return new DeviceAccess() {
            @Override
            public List<PortInfo> ports() {
                return listed.ports();
            }

            @Override
            public SerialLink open(String port) {
                return listed.open(port);
            }

            @Override
            public Map<String, String> environment() {
                return env;
            }
        };
    }

    @Test
    void aVirtualPicoWithOurFirmwareAndALoopbackBroker() throws Exception {
        Files.createDirectories(dir.resolve("pico/fs"));
        Files.writeString(dir.resolve("pico/fs/settings.py"), "WIFI_PASSWORD = 'hunter22'\nFIRMWARE_VERSION = "
                + "'0.0.9'\n");
        try (VirtualPico pico = VirtualPico.start(dir.resolve("pico"), "--board-id", "e6614c311b7a5b21")) {
            PortInfo port = new PortInfo(pico.port(), "Board CDC", 0x2E8A, 0x0005, "e6614c311b7a5b21");
            int rc = run(devices(Map.of(), port), "doctor", "--broker", "127.0.0.1");
            String text = out.toString();
            assertThat(rc).as(text + err).isEqualTo(3);
            assertThat(text).contains("ok    java ", "ok    ports        1 serial port: " + pico.port()
                            + " (USB 2E8A:0005, MicroPython)",
                    "ok    permission   you may open " + pico.port(),
                    "ok    port free    no other program has " + pico.port() + " open",
                    "ok    board        Raspberry Pi Pico W with RP2040, MicroPython 1.27.0 (RPI_PICO_W), board id "
                            + "e6614c311b7a5b21, on " + pico.port(),
                    "warn  firmware     picotool firmware 0.0.9 on the board; this picotool writes ",
                    "fix: picotool flash updates it",
                    "fail  broker       the broker 127.0.0.1:1883 (from --broker) is a loopback address",
                    "1 problem to fix").doesNotContain("hunter22");
        }
    }

    @Test
    void thePortFromPicotoolPortOrASerialNumber() throws Exception {
        try (VirtualPico pico = VirtualPico.start(dir.resolve("pico"))) {
            PortInfo port = new PortInfo(pico.port(), "Board CDC", 0x2E8A, 0x0005, "e6614c311b7a5b21");
            run(devices(Map.of("PICOTOOL_PORT", "serial:E6614C311B7A5B21"), port), "doctor");
            assertThat(out.toString()).contains("ok    board        Raspberry Pi Pico W", "on " + pico.port());
            out.getBuffer().setLength(0);
            run(devices(Map.of("PICOTOOL_PORT", "serial:FFFF"), port), "doctor");
            assertThat(out.toString()).contains("fail  port         no port with the USB serial number ffff (any "
                    + "case) (the port came from PICOTOOL_PORT=serial:FFFF)");
        }
    }

    @Test
    void withNoBoardItNamesTheFix() {
        assertThat(run(devices(Map.of()), "doctor")).isEqualTo(4);
        assertThat(out.toString()).contains("warn  ports        no serial ports found",
                "fail  board        no board running MicroPython found (none with USB id 2E8A:0005)",
                "fix: plug the Pico in with a data cable (many USB cables only carry power)",
                "warn  broker       no broker configured");
    }
}
