package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.render.DeviceFile;
import dev.picotool.testing.VirtualPico;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RawRepl + DeviceFileSystem contract, run through jSerialComm on a real pty against each peer: the virtual
 * Pico and the real MicroPython REPL (which has no raw-paste, so the fallback is exercised there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeviceProtocolSuite {
    VirtualPico peer;
    RawRepl repl;
    DeviceFileSystem fs;

    abstract VirtualPico start(Path dir);

    abstract boolean expectsRawPaste();

    /** The webassembly port numbers errors like emscripten (ENOENT is 44); a Pico uses 2 like Linux. */
    boolean namesErrno() {
        return true;
    }

    /** Where the peer keeps its files (the wasm REPL has an in-memory filesystem rooted at /). */
    String root() {
        return "";
    }

    @BeforeAll
    void connect(@TempDir Path dir) {
        peer = start(dir);
        repl = new RawRepl(SerialLinks.open(peer.port()), ReplTimings.standard().withExec(Duration.ofSeconds(30)));
        repl.enterRaw();
        fs = new DeviceFileSystem(repl, new TransferTuning(768, 4));
    }

    @AfterAll
    void disconnect() {
        if (repl != null) {
            repl.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void runsCodeAndReturnsItsOutput() {
        assertThat(repl.exec("print(6*7)\nprint('é')", "test")).isEqualTo("42\né\n");
        assertThat(repl.rawPasteSupported()).contains(expectsRawPaste());
    }

    @Test
    void reportsDeviceErrorsWithTheirErrnoName() {
        assertThatThrownBy(() -> fs.read(root() + "no-such-file.py"))
                .isInstanceOfSatisfying(DeviceExecException.class, e -> {
                    assertThat(e.lastLine()).startsWith("OSError");
                    if (namesErrno()) {
                        assertThat(e.errnoName()).contains("ENOENT");
                    }
                    assertThat(e.getMessage()).startsWith("reading " + root() + "no-such-file.py failed on the board: ");
                });
        assertThat(repl.exec("print('still fine')", "test")).isEqualTo("still fine\n");
    }

    @Test
    void writesReadsAndHashesBinaryFilesAtomically() {
        byte[] data = new byte[20_000];
        new Random(7).nextBytes(data);
        String path = root() + "blob.bin";
        fs.write(path, data, n -> { });
        assertThat(fs.sha256(path)).contains(DeviceFile.sha256(data));
        assertThat(fs.read(path)).isEqualTo(data);
        byte[] replaced = "print('v2')\n".getBytes(StandardCharsets.UTF_8);
        fs.write(path, replaced, n -> { });
        assertThat(fs.read(path)).isEqualTo(replaced);
        assertThat(fs.exists(path + DeviceFileSystem.TMP_SUFFIX)).isFalse();
        assertThat(fs.sha256(List.of(path, root() + "missing.py")))
                .containsEntry(path, Optional.of(DeviceFile.sha256(replaced)))
                .containsEntry(root() + "missing.py", Optional.empty());
    }

    @Test
    void writesAnEmptyFileAndEveryByteValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        fs.write(root() + "all.bin", all, n -> { });
        fs.write(root() + "empty.py", new byte[0], n -> { });
        assertThat(fs.read(root() + "all.bin")).isEqualTo(all);
        assertThat(fs.read(root() + "empty.py")).isEmpty();
    }

    @Test
    void managesFilesAndDirectories() {
        String d = root() + "lib";
        fs.mkdir(d);
        fs.write(d + "/x.py", "x=1\n".getBytes(StandardCharsets.UTF_8), n -> { });
        assertThat(fs.list(d)).containsExactly(new FileEntry("x.py", false, 4));
        assertThat(fs.list(root().isEmpty() ? "/" : root())).contains(new FileEntry("lib", true, 0));
        fs.rename(d + "/x.py", d + "/y.py");
        assertThat(fs.exists(d + "/y.py")).isTrue();
        fs.remove(d + "/y.py");
        assertThat(fs.exists(d + "/y.py")).isFalse();
        FreeSpace space = fs.freeSpace();
        assertThat(space.freeBytes()).isPositive().isLessThanOrEqualTo(space.totalBytes());
    }

    @Test
    void quotesAwkwardPathsSafely() {
        String path = root() + "it's a \"file\".py";
        fs.write(path, "ok".getBytes(StandardCharsets.UTF_8), n -> { });
        assertThat(fs.read(path)).isEqualTo("ok".getBytes(StandardCharsets.UTF_8));
        fs.remove(path);
    }
}
