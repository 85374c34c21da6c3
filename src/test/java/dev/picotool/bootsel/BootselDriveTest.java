package dev.picotool.bootsel;

import static dev.picotool.testing.Uf2Files.RP2040;
import static dev.picotool.testing.Uf2Files.RP2350_ARM_S;
import static dev.picotool.testing.Uf2Files.micropythonImage;
import static dev.picotool.testing.Uf2Files.uf2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.device.OsFamily;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootselDriveTest {
    static final String RP2040_INFO = "UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n";
    static final String RP2350_INFO = "UF2 Bootloader v1.0\r\nModel: Raspberry Pi RP2350\r\nBoard-ID: RP2350\r\n";

    @TempDir
    Path dir;

    Path drive(String name, String info) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("INFO_UF2.TXT"), info);
        return d;
    }

    @Test
    void readsTheBootromsInfoFile() throws Exception {
        BootselDrive d = BootselDrive.at(drive("RPI-RP2", RP2040_INFO)).orElseThrow();
        assertThat(d.boardId()).isEqualTo("RPI-RP2");
        assertThat(d.model()).isEqualTo("Raspberry Pi RP2");
        assertThat(d.chip()).isEqualTo("RP2040");
        assertThat(d.acceptedFamilies()).containsExactly(RP2040);
        assertThat(d.wirelessBoard().orElseThrow().micropythonBoard()).isEqualTo("RPI_PICO_W");
        BootselDrive d2 = BootselDrive.at(drive("RP2350", RP2350_INFO)).orElseThrow();
        assertThat(d2.chip()).isEqualTo("RP2350");
        assertThat(d2.wirelessBoard().orElseThrow().micropythonBoard()).isEqualTo("RPI_PICO2_W");
        assertThat(BootselDrive.at(dir.resolve("nothing"))).isEmpty();
        assertThat(BootselDrive.at(drive("SAMD", "UF2 Bootloader v3.6\nBoard-ID: SAMD21G18A-Feather-v0\n"))
                .orElseThrow().isRaspberryPi()).isFalse();
    }

    @Test
    void aUf2ForTheOtherChipIsRefusedWithTheBuildToGet() throws Exception {
        BootselDrive rp2040 = BootselDrive.at(drive("RPI-RP2", RP2040_INFO)).orElseThrow();
        Uf2File pico2 = Uf2File.parse(Path.of("RPI_PICO2_W.uf2"), uf2(RP2350_ARM_S,
                micropythonImage("1.27.0", "Raspberry Pi Pico 2 W with RP2350")));
        assertThatThrownBy(() -> rp2040.check(pico2)).isInstanceOfSatisfying(PicoToolException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).isEqualTo("RPI_PICO2_W.uf2 is for the RP2350 (UF2 family 0xe48bff59), but "
                    + "the board in BOOTSEL mode is an RP2040 (RPI-RP2 drive (RP2040) at " + dir.resolve("RPI-RP2")
                    + "), whose bootrom would ignore it; nothing was copied");
            assertThat(e.hint()).isEqualTo("download the RPI_PICO_W build for the Raspberry Pi Pico W from "
                    + "https://micropython.org/download/RPI_PICO_W/");
        });
        Uf2File esp = Uf2File.parse(Path.of("x.uf2"), uf2(0xbfdd4eeeL, new byte[300]));
        assertThatThrownBy(() -> rp2040.check(esp)).hasMessageContaining("UF2 family 0xbfdd4eee, not a Raspberry Pi "
                + "chip");
    }

    @Test
    void thePlainPicoBuildIsRefusedAndTheWBuildTaken() throws Exception {
        BootselDrive rp2040 = BootselDrive.at(drive("RPI-RP2", RP2040_INFO)).orElseThrow();
        Uf2File plain = Uf2File.parse(Path.of("RPI_PICO.uf2"), uf2(RP2040, micropythonImage("1.27.0",
                "Raspberry Pi Pico with RP2040")));
        assertThatThrownBy(() -> rp2040.check(plain)).hasMessage("RPI_PICO.uf2 is MicroPython 1.27.0 for the "
                + "Raspberry Pi Pico (RPI_PICO), which has no Wi-Fi (no network module), and the firmware needs "
                + "Wi-Fi; nothing was copied");
        rp2040.check(Uf2File.parse(Path.of("w.uf2"), uf2(RP2040, micropythonImage("1.27.0",
                "Raspberry Pi Pico W with RP2040"))));
    }

    @Test
    void findsDrivesWhereTheOsMountsThemAndChoosesOne() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media/student"));
        BootselDrives none = new BootselDrives(() -> List.of(media));
        assertThatThrownBy(() -> none.choose(Optional.empty())).isInstanceOfSatisfying(PicoToolException.class,
                e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.DEVICE);
                    assertThat(e.getMessage()).startsWith("no board in BOOTSEL mode found (no RPI-RP2 or RP2350 "
                            + "drive with INFO_UF2.TXT under " + media + ")");
                    assertThat(e.hint()).contains("hold its BOOTSEL button while plugging it in");
                });
        Files.createDirectories(media.resolve("USBSTICK"));
        Path pico = Files.createDirectories(media.resolve("RPI-RP2"));
        Files.writeString(pico.resolve("INFO_UF2.TXT"), RP2040_INFO);
        BootselDrives one = new BootselDrives(() -> List.of(media, dir.resolve("absent")));
        assertThat(one.choose(Optional.empty()).root()).isEqualTo(pico);
        assertThatThrownBy(() -> one.choose(Optional.of(media.resolve("USBSTICK")))).hasMessageContaining("is not a "
                + "board's BOOTSEL drive: it has no INFO_UF2.TXT");
        Path second = Files.createDirectories(media.resolve("RP2350"));
        Files.writeString(second.resolve("INFO_UF2.TXT"), RP2350_INFO);
        assertThatThrownBy(() -> one.choose(Optional.empty())).hasMessageStartingWith("2 boards are in BOOTSEL mode");
        assertThat(one.choose(Optional.of(second)).chip()).isEqualTo("RP2350");
    }

    @Test
    void mountRootsPerOs() {
        assertThat(BootselDrives.mountRoots(OsFamily.LINUX, "ann", new File[0])).containsExactly(
                Path.of("/media/ann"), Path.of("/run/media/ann"), Path.of("/media"), Path.of("/mnt"));
        assertThat(BootselDrives.mountRoots(OsFamily.LINUX, "../etc", new File[0])).containsExactly(
                Path.of("/media"), Path.of("/mnt"));
        assertThat(BootselDrives.mountRoots(OsFamily.MACOS, "ann", new File[0])).containsExactly(Path.of("/Volumes"));
        assertThat(BootselDrives.mountRoots(OsFamily.WINDOWS, "ann", new File[] {new File("A:\\"),
                new File("C:\\"), new File("E:\\")})).extracting(Path::toString).containsExactly("C:\\", "E:\\");
    }
}
