package dev.picotool.device;

import dev.picotool.testing.BoardPeer;
import dev.picotool.testing.VirtualPico;
import java.nio.file.Path;

class VirtualPicoProtocolTest extends DeviceProtocolSuite {
    @Override
    BoardPeer start(Path dir) {
        return VirtualPico.start(dir);
    }

    @Override
    boolean expectsRawPaste() {
        return true;
    }
}
