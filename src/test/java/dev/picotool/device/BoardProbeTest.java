package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.MicroPython;
import dev.picotool.testing.VirtualPico;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardProbeTest {
    @TempDir
    Path dir;

    @Test
    void theCodeCompilesWithTheRealMicroPythonCompiler() {
        assertThat(MicroPython.shared().compileError("firmware-version.py", BoardProbe.FIRMWARE_VERSION_CODE))
                .isEmpty();
        assertThat(MicroPython.shared().compileError("bootloader.py", BoardProbe.BOOTLOADER_CODE)).isEmpty();
    }

    @Test
    void readsTheFirmwareVersionLineOnlyAndNothingWithoutOurSettings() throws Exception {
        Files.createDirectories(dir.resolve("pico/fs"));
        Files.writeString(dir.resolve("pico/fs/settings.py"), "WIFI_PASSWORD = 'hunter22'\nFIRMWARE_VERSION = "
                + "'0.3.1'\nMQTT_HOST = 'x'\n");
        try (VirtualPico p = VirtualPico.start(dir.resolve("pico"));
             RawRepl repl = new RawRepl(SerialLinks.open(p.port()))) {
            repl.enterRaw();
            String printed = repl.exec(BoardProbe.FIRMWARE_VERSION_CODE, "test");
            assertThat(printed).isEqualTo("FIRMWARE_VERSION = '0.3.1'\n").doesNotContain("hunter22");
            assertThat(BoardProbe.firmwareVersion(repl)).contains("0.3.1");
            repl.exec("import os\nos.remove('settings.py')", "test");
            assertThat(BoardProbe.firmwareVersion(repl)).isEmpty();
        }
    }

    @Test
    void realMicroPythonReadsTheLineTheSameWay() {
        try (VirtualPico p = VirtualPico.micropython(dir.resolve("real"));
             RawRepl repl = new RawRepl(SerialLinks.open(p.port()))) {
            repl.enterRaw();
            repl.exec("import os\nos.chdir('/tmp')\nf = open('settings.py', 'w')\nf.write(\"WIFI_PASSWORD = 'x'\\n"
                    + "FIRMWARE_VERSION = '0.3.1'\\n\")\nf.close()", "test");
            assertThat(BoardProbe.firmwareVersion(repl)).contains("0.3.1");
            repl.exec("os.remove('settings.py')", "test");
            assertThat(BoardProbe.firmwareVersion(repl)).isEmpty();
        }
    }

    @Test
    void parsesOnlyWhatTheTemplateWrites() {
        assertThat(BoardProbe.parseFirmwareVersion("FIRMWARE_VERSION = '1.2.0-rc.1'\r\n")).contains("1.2.0-rc.1");
        assertThat(BoardProbe.parseFirmwareVersion("-\n")).isEmpty();
        assertThat(BoardProbe.parseFirmwareVersion("FIRMWARE_VERSION = '\u001b[31m'")).isEmpty();
        assertThat(BoardProbe.parseFirmwareVersion("FIRMWARE_VERSION = get()")).isEmpty();
    }

    @Test
    void bootloaderReturnsOnceThePortIsGone() {
        try (VirtualPico p = VirtualPico.start(dir.resolve("pico"));
             RawRepl repl = new RawRepl(SerialLinks.open(p.port()))) {
            repl.enterRaw();
            BoardProbe.bootloader(repl, Duration.ofSeconds(10));
        }
    }
}
