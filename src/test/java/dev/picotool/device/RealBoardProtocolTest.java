package dev.picotool.device;

import dev.picotool.board.Boards;
import dev.picotool.testing.BoardPeer;
import dev.picotool.testing.RealBoard;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The device contract on a real Pico W: {@code PICO_PORT=/dev/ttyACM0 ./mvnw verify -Phardware}; skipped when
 * PICO_PORT is not set. It stops the board's firmware (and its watchdog), works in /picotool-test/ only, removes
 * that folder afterwards and restarts main.py.
 */
@EnabledIfEnvironmentVariable(named = RealBoard.PORT_VARIABLE, matches = ".+")
class RealBoardProtocolTest extends DeviceProtocolSuite {
    private static final String DIR = "/picotool-test";

    @Override
    BoardPeer start(Path dir) {
        return RealBoard.fromEnvironment();
    }

    @Override
    void takeOver() {
        new BoardTakeover(repl, Boards.watchdogs()).takeOver();
        removeTestFolder();
        repl.exec("import os\nos.mkdir('" + DIR + "')\n", "creating " + DIR);
    }

    @Override
    void cleanUp() {
        repl.exec("import os\nos.chdir('/')\n", "leaving " + DIR);
        removeTestFolder();
        repl.restartMain();
    }

    private void removeTestFolder() {
        repl.exec("import os\ndef _rm(p):\n if os.stat(p)[0]&0x4000:\n  for e in os.ilistdir(p):\n   _rm(p+'/'+e[0])\n"
                + "  os.rmdir(p)\n else:\n  os.remove(p)\ntry:\n _rm('" + DIR + "')\nexcept OSError:\n pass\n",
                "removing " + DIR);
    }

    @Override
    boolean expectsRawPaste() {
        return true;
    }

    @Override
    String root() {
        return DIR + "/";
    }
}
