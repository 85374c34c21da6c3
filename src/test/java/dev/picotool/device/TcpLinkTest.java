package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertThatThrownBy(() -> SerialLinks.open("socket://127.0.0.1:1")).hasMessageContaining("nothing listens "
                + "on port 1 there (connection refused)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"socket://127.0.0.1:99999|99999 is not a TCP port number (1-65535)",
        "socket://127.0.0.1:0|0 is not a TCP port number", "socket://no-port-here|it is not HOST:PORT",
        "socket://h:1/path|it is not HOST:PORT", "socket://:22|it is not HOST:PORT", "socket://a b:1|not HOST:PORT"})
    void aBadlyWrittenAddressIsAUsageErrorBeforeAnythingIsOpened(String spec, String why) {
        assertThatThrownBy(() -> SerialLinks.check(spec)).isInstanceOfSatisfying(PicoToolException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).startsWith("--port " + spec + ": ").contains(why);
            assertThat(e.hint()).contains("socket://HOST:PORT");
        });
    }
}
