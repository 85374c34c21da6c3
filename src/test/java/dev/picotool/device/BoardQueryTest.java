package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.board.DetectedBoard;
import dev.picotool.testing.MicroPython;
import dev.picotool.testing.VirtualPico;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoardQueryTest {
    @TempDir
    Path dir;

    @Test
    void theQueryCompilesWithTheRealMicroPythonCompiler() {
        assertThat(MicroPython.shared().compileError("board-query.py", BoardQuery.CODE)).isEmpty();
    }

    @Test
    void readsWhatAVirtualPico2WSays() {
        try (VirtualPico p = VirtualPico.start(dir, "--board", "pico2_w", "--board-id", "e6614103e7a1b2c3");
             RawRepl repl = new RawRepl(SerialLinks.open(p.port()))) {
            repl.enterRaw();
            assertThat(BoardQuery.read(repl)).isEqualTo(new DetectedBoard("e6614103e7a1b2c3",
                    dev.picotool.board.MicroPythonVersion.parse("1.27.0"), "Raspberry Pi Pico 2 W with RP2350",
                    "RPI_PICO2_W", true));
        }
    }

    @Test
    void parsesOlderAndPreviewBuilds() {
        DetectedBoard b = BoardQuery.parse("('e6614103e7a1b2c3', '1.28.0-preview', 'Raspberry Pi Pico with RP2040', "
                + "'', 0)\r\n");
        assertThat(b.version().toString()).isEqualTo("1.28.0-preview");
        assertThat(b.build()).isEmpty();
        assertThat(b.hasNetwork()).isFalse();
        assertThat(b.summary()).isEqualTo("Raspberry Pi Pico with RP2040, MicroPython 1.28.0-preview, board id "
                + "e6614103e7a1b2c3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "('e661', '1.27.0', 'x', '', 1)\n('e661', '1.27.0', 'x', '', 1)\n",
        "('E661ZZ', '1.27.0', 'm', 'b', 1)", "('e661', 'v-one', 'm', 'b', 1)", "('e661', '1.27.0', 'm', 'b', 'yes')",
        "('e661', '1.27.0', 'm', 'b', 2)", "('e661', '1.27.0', 'm', 'b')", "('e661', '1.27.0', 7, 'b', 1)",
        "e661\n1.27.0\nm\nb\n1\n", "\u0000\u0007\n\n\n\n\n", "('e661', '1.27.0', 'm', 'b', 1"})
    void anythingElseIsADeviceErrorNotACrash(String output) {
        assertThatThrownBy(() -> BoardQuery.parse(output)).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.getMessage()).contains("unexpected").doesNotContain("\u0000", "\u0007"));
    }
}
