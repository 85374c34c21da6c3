package dev.picotool.device;

import dev.picotool.testing.BoardPeer;
import dev.picotool.testing.VirtualPico;
import java.nio.file.Path;

/** Real MicroPython v1.27 (webassembly) behind a pty: it refuses raw-paste with R\x00, so classic mode is used. */
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
}
