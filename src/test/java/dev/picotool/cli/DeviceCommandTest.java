package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.device.DeviceAccess;
import dev.picotool.device.PortInfo;
import dev.picotool.device.SerialLink;
import dev.picotool.device.SerialLinks;
import dev.picotool.testing.VirtualPico;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device utilities and `ports` through the command line, against a virtual Pico that "auto" finds. */
class DeviceCommandTest {
    @TempDir
    Path dir;

    VirtualPico pico;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(dir.resolve("pico/fs"));
        Files.writeString(dir.resolve("pico/fs/settings.py"), "WIFI_PASSWORD = 'hunter22'\n");
        pico = VirtualPico.start(dir.resolve("pico"));
    }

    @AfterEach
    void stop() {
        pico.close();
    }

    int run(String... args) {
        String port = pico.port();
        DeviceAccess access = new DeviceAccess() {
            @Override
            public List<PortInfo> ports() {
                return List.of(new PortInfo(port, "Board CDC", 0x2E8A, 0x0005, "E661"),
                        new PortInfo("/dev/ttyS0", "Physical Port S0", -1, -1, "Unknown"));
            }

            @Override
            public SerialLink open(String p) {
                return SerialLinks.open(p);
            }
        };
        return PicoTool.execute(new PicoTool(Services.standard().withDevices(access)), new PrintWriter(out),
                new PrintWriter(err), args);
    }

    @Test
    void listsPortsMarkingTheMicroPythonBoard() {
        assertThat(run("ports")).isZero();
        assertThat(out.toString()).contains("* " + pico.port()).contains("(MicroPython board)")
                .contains("  /dev/ttyS0");
    }

    @Test
    void listsRunsAndRemoves() {
        assertThat(run("device", "ls")).isZero();
        assertThat(out.toString()).contains("settings.py");
        assertThat(run("device", "exec", "print(6*7)")).isZero();
        assertThat(out.toString()).contains("42");
        assertThat(run("device", "rm", "settings.py")).isZero();
        assertThat(dir.resolve("pico/fs/settings.py")).doesNotExist();
    }

    @Test
    void aFailingCommandExitsWithFourAndTheDevicesLastLine() {
        assertThat(run("device", "exec", "open('nope.py')")).isEqualTo(4);
        assertThat(err.toString()).contains("error: your code failed on the board: no such file or directory "
                + "(OSError: [Errno 2] ENOENT)").contains("hint: check the name with `picotool device ls`");
        assertThat(run("device", "--port", "/dev/ttyACM9", "ls")).isEqualTo(2); // --port belongs to the subcommand
        assertThat(run("device", "ls", "--port", dir.resolve("missing").toString())).isEqualTo(4);
        assertThat(err.toString()).contains("no serial port").contains("hint: ports that exist");
    }

    @Test
    void resetRestartsMainPy() {
        assertThat(run("device", "reset")).isZero();
        assertThat(out.toString()).contains("soft reset done");
    }

    @Test
    void catPrintsTheFileAsText() {
        assertThat(run("device", "cat", "settings.py")).isZero();
        assertThat(out.toString()).isEqualTo("WIFI_PASSWORD = 'hunter22'\n");
    }

    @Test
    void monitorShowsWhatTheRunningProgramPrints() throws Exception {
        Files.writeString(pico.fs().resolve("main.py"), "import time\nwhile True:\n print('tick °C')\n"
                + " time.sleep(0.2)\n");
        assertThat(run("device", "reset")).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("monitor", "--seconds", "2")).isZero();
        assertThat(out.toString()).contains("tick °C\r\n");
        assertThat(err.toString()).contains("monitoring " + pico.port() + " for 2 s");
    }
}
