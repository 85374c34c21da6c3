package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.render.DeviceFile;
import dev.picotool.render.PyLiteral;
import dev.picotool.testing.BoardPeer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RawRepl + DeviceFileSystem contract, run through jSerialComm against each peer: the virtual Pico and the real
 * MicroPython REPL on a pty (which has no raw-paste, so the fallback is exercised there), and a real board when
 * PICO_PORT names one ({@link RealBoardProtocolTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeviceProtocolSuite {
    BoardPeer peer;
    RawRepl repl;
    DeviceFileSystem fs;

    abstract BoardPeer start(Path dir);

    /** Gets the board to its raw prompt, ready for the tests (a real board: also stops its firmware's watchdog). */
    void takeOver() {
        repl.enterRaw();
    }

    /** Leaves the board as it was found (a real board: without our test files, running its main.py). */
    void cleanUp() {
    }

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
        takeOver();
        fs = new DeviceFileSystem(repl, new TransferTuning(768, 4));
    }

    @AfterAll
    void disconnect() {
        if (repl != null) {
            try {
                cleanUp();
            } finally {
                repl.close();
            }
        }
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void runsCodeAndReturnsItsOutput() {
        assertThat(repl.exec("print(6*7)\nprint('é')", "test")).isEqualTo("42\né\n");
        String longCode = "x = '" + "a".repeat(CodeSender.PLAIN_MAX) + "'\nprint(len(x))\n";
        assertThat(repl.exec(longCode, "test")).isEqualTo(CodeSender.PLAIN_MAX + "\n"); // long code: raw-paste
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
                    assertThat(e.getMessage())
                            .startsWith("reading " + root() + "no-such-file.py failed on the board: ");
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

    /**
     * The receiver's own code on this peer's MicroPython, fed from a BytesIO with a stand-in timer: what a MicroPython
     * without serial input while code runs, or without machine.Timer (the webassembly port), can check of it.
     */
    @Test
    void theBlockReceiversCodeWritesEveryByteItReadsAndRefusesADamagedFile() {
        byte[] random = new byte[5000];
        new Random(3).nextBytes(random);
        byte[] every = BlockReceiverTest.everyByte();
        byte[] data = Arrays.copyOf(every, every.length + random.length);
        System.arraycopy(random, 0, data, every.length, random.length);
        String path = root() + "rx.bin";
        int blocks = (data.length + BlockReceiver.BLOCK - 1) / BlockReceiver.BLOCK;
        assertThat(repl.exec(fedReceiver(path, data, DeviceFile.sha256(data)), "receiving"))
                .isEqualTo("R" + ".".repeat(blocks));
        assertThat(fs.sha256(path)).contains(DeviceFile.sha256(data));
        assertThatThrownBy(() -> repl.exec(fedReceiver(path, data, DeviceFile.sha256(random)), "receiving"))
                .isInstanceOfSatisfying(DeviceExecException.class, e -> {
                    assertThat(e.getMessage()).contains("rx.bin arrived damaged");
                    assertThat(e.stdout()).isEqualTo("R" + ".".repeat(blocks) + "!"); // then it took the stop
                });
        fs.remove(path);
    }

    /** The receiver reading the host's blocks for one file, and the host's stop, from a BytesIO. */
    static String fedReceiver(String path, byte[] data, String sha256) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (int off = 0; off < data.length; off += BlockReceiver.BLOCK) {
            int n = Math.min(BlockReceiver.BLOCK, data.length - off);
            frames.write(n & 0xff);
            frames.write(n >> 8);
            frames.write(data, off, n);
        }
        frames.write(0);
        frames.write(0);
        return BlockReceiver.PROGRAM + "import io,binascii\nclass _T:\n ONE_SHOT=0\n def init(self,**k):\n  pass\n"
                + " def deinit(self):\n  pass\n_pt_rx([(" + PyLiteral.str(path) + "," + data.length + ","
                + PyLiteral.str(sha256) + ")]," + BlockReceiver.BLOCK + ",1000,io.BytesIO(binascii.a2b_base64(b'"
                + Base64.getEncoder().encodeToString(frames.toByteArray()) + "')),_T)\n";
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

    @Test
    void listsAndHandlesAnyFileNameExactly() {
        String dir = root() + "names";
        fs.mkdir(dir);
        List<String> names = List.of("x\na b c", "it's \"q\".py", "back\\slash", "tab\tand\rcr", "é.py", "🌡.txt",
                "\u0001ctl\u007f", " lead", "trail ", "\u2028sep", "\u00a0nbsp", "'", "\"");
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String n : names) {
            byte[] content = n.getBytes(StandardCharsets.UTF_8);
            fs.write(dir + "/" + n, content, x -> { });
            hashes.put(dir + "/" + n, DeviceFile.sha256(content));
        }
        assertThat(fs.list(dir)).containsExactlyInAnyOrderElementsOf(names.stream()
                .map(n -> new FileEntry(n, false, n.getBytes(StandardCharsets.UTF_8).length)).toList());
        assertThat(fs.sha256(List.copyOf(hashes.keySet())))
                .allSatisfy((path, hash) -> assertThat(hash).contains(hashes.get(path)));
        for (String n : names) {
            fs.remove(dir + "/" + n);
        }
        assertThat(fs.list(dir)).isEmpty();
        repl.exec("import os\nos.rmdir(" + PyLiteral.str(dir) + ")\n", "test");
    }

    @Test
    void picobootCompletesACommittedSwitchRemovesLeftoversAndCommitsANewOne() {
        String dir = root() + "update";
        fs.mkdir(dir);
        repl.exec("import os\nos.chdir(" + PyLiteral.str(dir) + ")\n", "test");
        try {
            // cut after the commit point and after the first rename: c.py was switched, a.py and b.py were not
            put(UpdateJournal.staged("a.py"), "new a");
            put("b.py", "old b");
            put(UpdateJournal.staged("b.py"), "new b");
            put("c.py", "new c");
            put(UpdateJournal.staged("d.py"), "staged before a cut, never committed");
            put("a.py.tmp", "left by an older picotool");
            put(UpdateJournal.JOURNAL, "[[\"c.py.picotool.tmp\", \"c.py\"], [\"a.py.picotool.tmp\", \"a.py\"], "
                    + "[\"b.py.picotool.tmp\", \"b.py\"]]");
            assertThat(repl.exec(UpdateJournal.recoverCode(List.of(""), List.of("a.py.tmp")), "recover").trim())
                    .isEqualTo("(2, 2)");
            assertThat(fs.list(".")).extracting(FileEntry::name).containsExactlyInAnyOrder("a.py", "b.py", "c.py");
            assertThat(new String(fs.read("b.py"), StandardCharsets.UTF_8)).isEqualTo("new b");
            put(UpdateJournal.staged("main.py"), "new main");
            put(UpdateJournal.staged("x\ny.py"), "any name");
            assertThat(repl.exec(UpdateJournal.commitCode(List.of("x\ny.py", "main.py")), "switch").trim())
                    .isEqualTo("(2,)");
            assertThat(fs.list(".")).extracting(FileEntry::name)
                    .containsExactlyInAnyOrder("a.py", "b.py", "c.py", "main.py", "x\ny.py");
            assertThat(repl.exec(UpdateJournal.recoverCode(List.of(""), List.of()), "recover").trim())
                    .isEqualTo("(-1, 0)");
            put(UpdateJournal.JOURNAL, "[[\"half"); // cannot happen through a rename; dropped, never a dead end
            assertThat(repl.exec(UpdateJournal.recoverCode(List.of(""), List.of()), "recover").trim())
                    .isEqualTo("(-2, 0)");
            assertThat(fs.exists(UpdateJournal.JOURNAL)).isFalse();
            for (FileEntry e : fs.list(".")) {
                fs.remove(e.name());
            }
        } finally {
            repl.exec("import os\nos.chdir('/')\n", "test");
        }
        repl.exec("import os\nos.rmdir(" + PyLiteral.str(dir) + ")\n", "test");
    }

    private void put(String path, String text) {
        fs.write(path, text.getBytes(StandardCharsets.UTF_8), x -> { });
    }
}
