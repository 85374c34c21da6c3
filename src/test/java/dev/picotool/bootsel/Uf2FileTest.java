package dev.picotool.bootsel;

import static dev.picotool.testing.Uf2Files.RP2040;
import static dev.picotool.testing.Uf2Files.RP2350_ARM_S;
import static dev.picotool.testing.Uf2Files.micropythonImage;
import static dev.picotool.testing.Uf2Files.uf2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.board.Board;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Uf2FileTest {
    static final Path FILE = Path.of("RPI_PICO_W.uf2");

    @TempDir
    Path dir;

    @Test
    void readsFamilyVersionAndBoardOfAMicroPythonBuild() {
        Uf2File f = Uf2File.parse(FILE, uf2(RP2040, micropythonImage("1.27.0", "Raspberry Pi Pico W with RP2040")));
        assertThat(f.families()).containsExactly(RP2040);
        assertThat(f.blocks()).isEqualTo(16);
        assertThat(f.micropythonVersion()).contains("1.27.0");
        assertThat(f.build()).map(Board::micropythonBoard).contains("RPI_PICO_W");
        assertThat(f.describe()).isEqualTo("MicroPython 1.27.0 for the Raspberry Pi Pico W (RPI_PICO_W)");
    }

    @Test
    void theBannerMayStraddleBlocksAndBlocksMayComeInAnyOrder() {
        byte[] data = uf2(RP2350_ARM_S, micropythonImage("1.26.1", "Raspberry Pi Pico 2 W with RP2350"));
        byte[] reversed = new byte[data.length];
        for (int i = 0; i < data.length / 512; i++) {
            System.arraycopy(data, i * 512, reversed, data.length - (i + 1) * 512, 512);
        }
        Uf2File f = Uf2File.parse(FILE, reversed);
        assertThat(f.micropythonVersion()).contains("1.26.1");
        assertThat(f.build()).map(Board::mcu).contains("RP2350");
    }

    @Test
    void otherFirmwareHasNoVersionOrBoard() {
        Uf2File f = Uf2File.parse(FILE, uf2(RP2040, new byte[1000]));
        assertThat(f.micropythonVersion()).isEmpty();
        assertThat(f.build()).isEmpty();
        assertThat(f.describe()).startsWith("firmware (not MicroPython");
    }

    @Test
    void whatIsNotAUf2IsRefusedWithTheReason() throws Exception {
        byte[] good = uf2(RP2040, micropythonImage("1.27.0", "Raspberry Pi Pico W with RP2040"));
        byte[] damaged = good.clone();
        damaged[512 * 3 + 2] ^= 1;
        assertRefused(new byte[0], "is 0 bytes, not a whole number of 512-byte UF2 blocks");
        assertRefused(Arrays.copyOf(good, 1000), "not a whole number of 512-byte UF2 blocks");
        assertRefused("<html>404 Not Found</html>".repeat(100).substring(0, 1024).getBytes(), "does not start with "
                + "the UF2 magic numbers");
        assertRefused(damaged, "has a block without the UF2 magic numbers (block 3): it is damaged or only partly "
                + "downloaded");
        assertRefused(uf2(RP2040, new byte[600], 0), "has a block without a family id (block 0)");
        Path directory = Files.createDirectory(dir.resolve("firmware.uf2"));
        assertThatThrownBy(() -> Uf2File.read(directory)).hasMessageContaining("is a directory")
                .hasMessageEndingWith("nothing was copied");
        assertThatThrownBy(() -> Uf2File.read(dir.resolve("missing.uf2"))).hasMessageContaining("does not exist");
    }

    @Test
    void randomBytesAreRefusedNeverACrash() {
        Random r = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] data = uf2(RP2040, new byte[256 * (1 + r.nextInt(4))]);
            for (int k = 0; k < 1 + r.nextInt(8); k++) {
                data[r.nextInt(data.length)] = (byte) r.nextInt();
            }
            try {
                Uf2File f = Uf2File.parse(FILE, data);
                assertThat(f.blocks()).isEqualTo(data.length / 512);
            } catch (PicoToolException e) {
                assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            }
        }
    }

    private static void assertRefused(byte[] data, String problem) {
        assertThatThrownBy(() -> Uf2File.parse(FILE, data)).isInstanceOfSatisfying(PicoToolException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).startsWith("RPI_PICO_W.uf2 ").contains(problem).endsWith("; nothing was copied");
            assertThat(e.hint()).contains("https://micropython.org/download/RPI_PICO_W/");
        });
    }
}
