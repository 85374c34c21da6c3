package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.ExitCode;
import dev.picotool.render.DeviceFile;
import dev.picotool.testing.MicroPython;
import dev.picotool.testing.VirtualPico;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming receiver on the virtual Pico, through jSerialComm on a real pty: byte-transparent, a host that goes
 * away mid-block leaves a board the next session takes over, a board that cannot run it says why before anything is
 * written, and neither a failure on the board nor Ctrl-C on the host leaves a data byte for the raw REPL.
 */
class BlockReceiverTest extends FlasherFixture {
    /** Every byte value, then runs of the bytes the REPL and the line discipline act on. */
    static byte[] everyByte() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 256; i++) {
            b.write(i);
        }
        for (int ctrl : new int[] {0x03, 0x04, 0x0d, 0x0a, 0x01, 0x02, 0x05, 0x11, 0x13, 0x1a, 0x1c, 0x7f, 0xff}) {
            for (int i = 0; i < 300; i++) {
                b.write(ctrl);
            }
        }
        b.writeBytes("\r\n\u0003\u0004\u0001\u0002\u0005A\u0001".getBytes(StandardCharsets.ISO_8859_1));
        return b.toByteArray();
    }

    static BlockReceiver.Item item(String staged, byte[] content) {
        return new BlockReceiver.Item(staged, content, DeviceFile.sha256(content));
    }

    RawRepl raw(VirtualPico p) {
        RawRepl repl = connect(p);
        repl.enterRaw();
        return repl;
    }

    @Test
    void theProgramCompilesWithTheRealMicroPythonCompiler() {
        assertThat(MicroPython.shared().compileError("receiver.py", BlockReceiver.code(List.of(item("a.tmp",
                new byte[] {1}))))).isEmpty();
    }

    @Test
    void everyByteValueArrivesIntactInFilesOfEverySize() throws Exception {
        VirtualPico p = pico();
        RawRepl repl = raw(p);
        byte[] random = new byte[3 * BlockReceiver.BLOCK + 17];
        new Random(11).nextBytes(random);
        List<BlockReceiver.Item> items = List.of(item("empty.tmp", new byte[0]), item("every.tmp", everyByte()),
                item("random.tmp", random), item("block.tmp", new byte[BlockReceiver.BLOCK]), item("last.tmp",
                        new byte[0]));
        List<String> heard = new ArrayList<>();
        assertThat(BlockReceiver.send(repl, items, (i, done) -> heard.add(i + ":" + done))).isEmpty();
        for (BlockReceiver.Item it : items) {
            assertThat(DeviceFile.sha256(Files.readAllBytes(p.fs().resolve(it.staged())))).as(it.staged())
                    .isEqualTo(it.sha256());
        }
        assertThat(heard).startsWith("0:0", "1:0").contains("1:" + everyByte().length, "2:" + random.length,
                "3:0", "3:" + BlockReceiver.BLOCK).endsWith("4:0");
        assertThat(repl.exec("print(6*7)", "test")).isEqualTo("42\n"); // nothing was left for the raw REPL
    }

    @Test
    void aHostThatDiesMidBlockLeavesABoardTheNextSessionTakesOverWithItsFilesIntact() throws Exception {
        VirtualPico p = pico();
        flash(p, set("old"));
        RawRepl dying = raw(p);
        dying.start(BlockReceiver.code(List.of(item("main.py" + UpdateJournal.STAGED_SUFFIX, new byte[5000]))),
                Deadline.in(ReplTimings.standard().exec()));
        assertThat(dying.reader().readByte(Deadline.in(ReplTimings.standard().answer()), "R")).isEqualTo('R');
        dying.reader().link().write(new byte[] {(byte) 0x88, 0x13, 1, 2, 3}); // 5000 announced, 3 sent
        dying.close();                                                          // the host is gone
        RawRepl next = connect(p);  // picotool's takeover: Ctrl-C until the board answers, swallowed at first
        assertThat(new DeviceFileSystem(next).sha256(List.of("main.py"))).containsEntry("main.py",
                Optional.of(hashes(set("old")).get("main.py")));
        flash(next, set("new"), FlashProgress.NONE);
        assertHolds(p, set("new"), java.util.Map.of());
    }

    @Test
    void aBoardWithoutTheStdinBufferSaysWhyAndHasWrittenNothing() {
        VirtualPico p = pico("--no-stdio-buffer");
        RawRepl repl = raw(p);
        Optional<String> refused = BlockReceiver.send(repl, List.of(item("x.tmp", new byte[10])), (i, d) -> { });
        assertThat(refused).get().asString().startsWith("AttributeError");
        assertThat(p.fs().resolve("x.tmp")).doesNotExist();
        assertThat(repl.exec("print(1)", "test")).isEqualTo("1\n");
    }

    @Test
    void aBoardThatFailsTakesTheBlocksOnTheirWaySoNoneOfThemRunsAsCode() throws Exception {
        VirtualPico p = pico();
        Files.writeString(p.fs().resolve("victim.py"), "keep me\n");
        RawRepl repl = raw(p);
        byte[] code = "import os\nos.remove('victim.py')\n\u0004".repeat(400).getBytes(StandardCharsets.UTF_8);
        List<BlockReceiver.Item> items = List.of(item("a.tmp", new byte[100]),
                item("no-such-dir/b.tmp", code), item("c.tmp", code));
        assertThatThrownBy(() -> BlockReceiver.send(repl, items, (i, d) -> { }))
                .isInstanceOfSatisfying(DeviceExecException.class, e -> assertThat(e.errnoName()).contains("ENOENT"));
        assertThat(p.fs().resolve("victim.py")).hasContent("keep me");
        assertThat(repl.exec("print(1)", "test")).isEqualTo("1\n");
    }

    @Test
    void aFileThatArrivesDamagedIsAFailureOnTheBoard() {
        VirtualPico p = pico();
        RawRepl repl = raw(p);
        BlockReceiver.Item wrong = new BlockReceiver.Item("w.tmp", new byte[9000], DeviceFile.sha256(new byte[1]));
        assertThatThrownBy(() -> BlockReceiver.send(repl, List.of(wrong), (i, d) -> { }))
                .isInstanceOfSatisfying(DeviceExecException.class, e -> assertThat(e.getMessage())
                        .contains("w.tmp arrived damaged"));
        assertThat(repl.exec("print(2)", "test")).isEqualTo("2\n");
    }

    @Test
    void ctrlCOnTheHostStopsBetweenTwoBlocksAndLeavesTheBoardAtItsPrompt() {
        VirtualPico p = pico();
        RawRepl repl = raw(p);
        Cancellation cancel = new Cancellation();
        repl.watch(cancel);
        List<BlockReceiver.Item> items = List.of(item("big.tmp", new byte[20 * BlockReceiver.BLOCK]));
        assertThatThrownBy(() -> BlockReceiver.send(repl, items, (i, done) -> {
            if (done > 0) {
                cancel.cancel(ExitCode.INTERRUPTED, "Ctrl-C");
            }
        })).isInstanceOf(DeviceInterruptedException.class);
        repl.watch(new Cancellation());
        assertThat(repl.exec("print(3)", "test")).isEqualTo("3\n");
    }
}
