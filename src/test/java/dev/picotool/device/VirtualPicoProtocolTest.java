package dev.picotool.device;

import dev.picotool.testing.VirtualPico;
import java.nio.file.Path;

class VirtualPicoProtocolTest extends DeviceProtocolSuite {
    @Override
    VirtualPico start(Path dir) {
        return VirtualPico.start(dir);
    }

    @Override
    boolean expectsRawPaste() {
        return true;
    }
}
