package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.device.DeviceAccess;
import dev.picotool.device.PortInfo;
import dev.picotool.render.FirmwareRenderer;
import dev.picotool.testing.Configs;
import dev.picotool.testing.Deadline;
import dev.picotool.testing.FakeDevices;
import dev.picotool.testing.FakeSecrets;
import dev.picotool.testing.VirtualPico;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `picotool flash` asks the board what it is before writing: refusal, warning and detection, on a virtual Pico. */
class FlashBoardCheckTest {
    static final FakeSecrets SECRETS = new FakeSecrets().env("PW", "secretpass");

    @TempDir
    Path dir;

    VirtualPico pico;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        if (pico != null) {
            pico.close();
        }
    }

    VirtualPico start(String... args) throws IOException {
        Files.createDirectories(dir.resolve("pico/fs"));
        // counts its starts in boots.log: power-on, and each restart picotool leaves the board with
        Files.writeString(dir.resolve("pico/fs/main.py"), "with open('boots.log', 'a') as f:\n    f.write('x')\n");
        pico = VirtualPico.start(dir.resolve("pico"), args);
        return pico;
    }

    int flash(String... extra) {
        DeviceAccess access = FakeDevices.listing(new PortInfo(pico.port(), "Board CDC", 0x2E8A, 0x0005, "E661"));
        Services services = new Services(Configs.validator(SECRETS), new FirmwareRenderer("0.1.0")).withDevices(access);
        List<String> args = new java.util.ArrayList<>(List.of("flash", "--wifi", "Lab", "--wifi-password-env", "PW",
                "--broker", "192.168.1.11", "--monitor", "0", "--backup-dir", dir.resolve("backups").toString()));
        args.addAll(List.of(extra));
        return PicoTool.execute(new PicoTool(services), new PrintWriter(out), new PrintWriter(err),
                args.toArray(String[]::new));
    }

    Map<String, String> files() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(pico.fs())) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.endsWith("boots.log")).toList()) {
                m.put(pico.fs().relativize(p).toString(), Files.readString(p));
            }
        }
        return m;
    }

    @Test
    void thePlainPicoBuildIsRefusedBeforeAnythingIsWritten() throws Exception {
        start("--board", "pico");
        Path boots = pico.fs().resolve("boots.log");
        Deadline.await(Duration.ofSeconds(10), () -> read(boots).equals("x"), () -> "power-on run of main.py");
        Map<String, String> before = files();
        assertThat(flash()).as(out + "\n" + err).isEqualTo(4);
        assertThat(err.toString()).contains("error: the board runs MicroPython for the Raspberry Pi Pico (RPI_PICO): "
                + "it has no network module", "nothing was written", "hint: if this is a Raspberry Pi Pico W, install "
                + "the RPI_PICO_W build", "https://micropython.org/download/RPI_PICO_W/");
        assertThat(files()).isEqualTo(before);
        assertThat(out.toString()).doesNotContain("write ", "backing up");
        assertThat(dir.resolve("backups")).doesNotExist();
        // left running: main.py was started again after the refusal
        Deadline.await(Duration.ofSeconds(10), () -> read(boots).equals("xx"), () -> "main.py restarted, boots.log "
                + read(boots));
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void anOldMicroPythonIsFlashedWithAWarningNamingTheVersion() throws Exception {
        start("--micropython-version", "1.19.1");
        assertThat(flash()).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("board: Raspberry Pi Pico W with RP2040, MicroPython 1.19.1, board id ",
                "warning: MicroPython 1.19.1 on the board is older than 1.20.0");
        assertThat(files()).containsKey("settings.py");
    }

    @Test
    void aPico2WIsDetectedAndReported() throws Exception {
        start("--board", "pico2_w");
        assertThat(flash("--dry-run")).as(out + "\n" + err).isZero();
        assertThat(out.toString()).containsPattern("board: Raspberry Pi Pico 2 W with RP2350, MicroPython 1.27.0 "
                + "\\(RPI_PICO2_W\\), board id [0-9a-f]{16}").doesNotContain("warning:");
    }

    @Test
    void theBoardFlagOverridesWhatTheBoardSays() throws Exception {
        start();
        assertThat(flash("--dry-run", "--board", "pico2_w")).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("warning: the board says it is a Raspberry Pi Pico W, but --board "
                + "pico2_w was given");
        assertThat(flash("--board", "nope")).isEqualTo(2);
    }
}
