package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.render.DeviceFile;
import dev.picotool.render.FirmwareBundle;
import dev.picotool.testing.VirtualPico;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --port socket://host:port (ser2net bridges, the virtual Pico's --tcp): the same protocol over TCP. */
class TcpLinkTest {
    @TempDir
    Path dir;

    @Test
    void flashesAndExecsOverTcp() throws Exception {
        try (VirtualPico p = VirtualPico.withTcp(dir.resolve("pico"))) {
            String port = p.tcpPort();
            assertThat(port).startsWith("socket://127.0.0.1:");
            FirmwareBundle bundle = new FirmwareBundle(List.of(DeviceFile.text("main.py",
                    "print('[mqtt] connected')\n")));
            try (RawRepl repl = new RawRepl(SerialLinks.open(port))) {
                FlashResult r = new Flasher(repl, TransferTuning.standard(), FlashProgress.NONE).flash(bundle,
                        Flasher.Options.standard().withBackups(Optional.empty()).withMonitor(Duration.ofSeconds(5)));
                assertThat(r.plan().writes()).hasSize(1);
                assertThat(r.boot()).get().extracting(BootReport::status).isEqualTo(BootReport.Status.CONNECTED);
            }
            assertThat(Files.readString(p.fs().resolve("main.py"))).isEqualTo("print('[mqtt] connected')\n");
            try (RawRepl repl = new RawRepl(SerialLinks.open(port))) {
                repl.enterRaw();
                assertThat(repl.exec("print(6 * 7)", "a sum").trim()).isEqualTo("42");
            }
        }
    }

    @Test
    void nothingListeningIsADeviceErrorWithAHint() {
        assertThatThrownBy(() -> SerialLinks.open("socket://127.0.0.1:1")).isInstanceOf(DeviceException.class)
                .satisfies(e -> assertThat(((DeviceException) e).hint()).isNotEmpty());
        assertThatThrownBy(() -> SerialLinks.open("socket://no-port-here")).isInstanceOf(DeviceException.class)
                .hasMessageContaining("not a socket address");
    }
}
