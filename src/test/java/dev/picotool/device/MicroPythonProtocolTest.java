package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.render.DeviceFile;
import dev.picotool.testing.BoardPeer;
import dev.picotool.testing.VirtualPico;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real MicroPython v1.27 (webassembly) behind a pty: it refuses raw-paste with R\x00, so classic mode is used. Its
 * port has no machine module (so no Timer) and its REPL reads no serial input while code runs: the receiver's code is
 * checked here fed from a BytesIO (the suite), and the flash's way in sees it refused and falls back (below). What the
 * serial side of the receiver does (stdin.buffer, Ctrl-C while disabled, the timer) is checked on the virtual Pico
 * (BlockReceiverTest) and, with PICO_PORT, on a board (RealBoardProtocolTest).
 */
class MicroPythonProtocolTest extends DeviceProtocolSuite {
    @Override
    BoardPeer start(Path dir) {
        return VirtualPico.micropython(dir);
    }

    @Override
    boolean expectsRawPaste() {
        return false;
    }

    @Override
    boolean namesErrno() {
        return false;
    }

    @Override
    String root() {
        return "/tmp/";
    }

    @Test
    void refusesTheReceiverForWantOfMachineTimerBeforeWritingAnything() {
        byte[] content = {1, 2, 3};
        var refused = BlockReceiver.send(repl, List.of(new BlockReceiver.Item(root() + "never.tmp", content,
                DeviceFile.sha256(content))), (i, d) -> { });
        assertThat(refused).contains("ImportError: no module named 'machine'");
        assertThat(fs.exists(root() + "never.tmp")).isFalse();
    }
}
