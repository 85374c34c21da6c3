package dev.picotool.cli;

import static dev.picotool.testing.Uf2Files.RP2040;
import static dev.picotool.testing.Uf2Files.RP2350_ARM_S;
import static dev.picotool.testing.Uf2Files.micropythonImage;
import static dev.picotool.testing.Uf2Files.uf2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.ConfigFiles;
import dev.picotool.testing.BootselPico;
import dev.picotool.testing.FakeDevices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** install-micropython and bootloader against a virtual Pico that starts in BOOTSEL mode. */
class InstallMicroPythonCommandTest {
    @TempDir
    Path dir;

    BootselPico pico;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        if (pico != null) {
            pico.close();
        }
    }

    int run(String... args) {
        PicoTool tool = new PicoTool(Services.standard().withDevices(FakeDevices.listing())
                .withConfigFiles(ConfigFiles.none()));
        return PicoTool.execute(tool, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    Path file(String name, byte[] data) throws Exception {
        return Files.write(dir.resolve(name), data);
    }

    @Test
    void bringsAVirtualPicoOutOfBootselAndPrintsItsVersion() throws Exception {
        pico = BootselPico.start(dir.resolve("pico"));
        Path uf2 = file("RPI_PICO_W-20250911-v1.26.1.uf2", uf2(RP2040, micropythonImage("1.26.1",
                "Raspberry Pi Pico W with RP2040")));
        int rc = run("install-micropython", "--uf2", uf2.toString(), "--drive", pico.drive().toString(), "--port",
                pico.link().toString());
        assertThat(rc).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("found the RPI-RP2 drive (RP2040) at " + pico.drive() + "\n",
                "copying RPI_PICO_W-20250911-v1.26.1.uf2 (MicroPython 1.26.1 for the Raspberry Pi Pico W "
                        + "(RPI_PICO_W)) onto the RPI-RP2 drive (RP2040)",
                "installed: MicroPython 1.26.1 on the Raspberry Pi Pico W with RP2040 (RPI_PICO_W), board id e661",
                "port " + pico.link() + "\n", "next: wire the sensor");
        assertThat(pico.drive()).isEmptyDirectory();

        out.getBuffer().setLength(0);
        assertThat(run("bootloader", "--port", pico.link().toString(), "--drive", pico.drive().toString()))
                .as(out + "\n" + err).isZero();
        pico.awaitLine("BOOTSEL drive at", Duration.ofSeconds(20));
        assertThat(out.toString()).contains("the board on " + pico.link() + ": Raspberry Pi Pico W with RP2040, "
                        + "MicroPython 1.26.1 (RPI_PICO_W)",
                "the board left for BOOTSEL mode: its serial port is gone and a USB drive named RPI-RP2 appears",
                "found the RPI-RP2 drive (RP2040) at " + pico.drive(),
                "next: picotool install-micropython --uf2 FILE --drive " + pico.drive()
                        + "   (get the RPI_PICO_W .uf2 from https://micropython.org/download/RPI_PICO_W/)");
        assertThat(pico.link()).doesNotExist();
    }

    @Test
    void aUf2ForAnotherChipIsRefusedBeforeCopying() throws Exception {
        pico = BootselPico.start(dir.resolve("pico"));
        Path uf2 = file("RPI_PICO2_W.uf2", uf2(RP2350_ARM_S, micropythonImage("1.27.0",
                "Raspberry Pi Pico 2 W with RP2350")));
        assertThat(run("install-micropython", "--uf2", uf2.toString(), "--drive", pico.drive().toString(),
                "--port", pico.link().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("error: " + uf2 + " is for the RP2350 (UF2 family 0xe48bff59), but the "
                + "board in BOOTSEL mode is an RP2040", "nothing was copied",
                "hint: download the RPI_PICO_W build for the Raspberry Pi Pico W from "
                        + "https://micropython.org/download/RPI_PICO_W/");
        assertThat(Files.list(pico.drive()).map(p -> p.getFileName().toString())).containsExactly("INFO_UF2.TXT");
    }

    @Test
    void aFileThatIsNotAUf2IsRefusedEvenWithoutABoard() throws Exception {
        Path html = file("RPI_PICO_W.uf2", "<html><body>Redirecting...</body></html>\n".repeat(30).getBytes());
        assertThat(run("install-micropython", "--uf2", html.toString(), "--drive", dir.resolve("nowhere")
                .toString())).isEqualTo(2);
        assertThat(err.toString()).contains("error: " + html + " is 1230 bytes, not a whole number of 512-byte UF2 "
                + "blocks; nothing was copied", "hint: download the .uf2 for your board again");
    }

    @Test
    void withoutAFileItSaysWhereToGetOne() throws Exception {
        pico = BootselPico.start(dir.resolve("pico"), "--board", "pico2_w");
        assertThat(run("install-micropython", "--drive", pico.drive().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("error: no --uf2 FILE given (picotool downloads nothing by itself)",
                "hint: download the RPI_PICO2_W .uf2 for the Raspberry Pi Pico 2 W from "
                        + "https://micropython.org/download/RPI_PICO2_W/");
    }
}
