package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.testing.FakeBoard;
import dev.picotool.testing.FakeBoard.Paste;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawReplTest {
    static final ReplTimings FAST = new ReplTimings(Duration.ofSeconds(2), Duration.ofMillis(50),
            Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ZERO);

    private final List<String> seen = new ArrayList<>();

    private FakeBoard echoing(FakeBoard board) {
        return board.answering(code -> {
            seen.add(code);
            return new ExecResult("ran " + code.length() + "\n", "");
        });
    }

    private static String written(FakeBoard b) {
        return new String(b.received(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void entersRawModeFromTheFriendlyPrompt() {
        FakeBoard board = new FakeBoard();
        RawRepl repl = new RawRepl(board, FAST);
        repl.enterRaw();
        assertThat(repl.mode()).isEqualTo(RawRepl.Mode.RAW);
        assertThat(written(board)).startsWith("\r\u0003\r\u0001");
        assertThat(board.state()).isEqualTo("RAW");
    }

    @Test
    void keepsSendingCtrlCUntilAProgramThatCatchesItStops() {
        FakeBoard board = new FakeBoard().runningMain(3);
        RawRepl repl = new RawRepl(board, FAST);
        repl.enterRaw();
        assertThat(board.state()).isEqualTo("RAW");
        assertThat(written(board).chars().filter(c -> c == 3).count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void ignoresGarbageBeforeTheBanner() {
        FakeBoard board = echoing(new FakeBoard().pending("\u0000\u00ffboot noise >> raw REPL; CTRL"));
        RawRepl repl = new RawRepl(board, FAST);
        repl.enterRaw();
        assertThat(repl.run("print(1)").stdout()).isEqualTo("ran 8\n");
    }

    @Test
    void entersFromAnIdleRawPromptWhereCtrlCIsSilent() {
        FakeBoard board = new FakeBoard();
        new RawRepl(board, FAST).enterRaw();
        RawRepl second = new RawRepl(board, FAST);
        second.enterRaw();
        assertThat(second.mode()).isEqualTo(RawRepl.Mode.RAW);
    }

    /** Longer than what goes in plain raw mode: such code is streamed in raw-paste. */
    static final String LONG = "x = '" + "a".repeat(CodeSender.PLAIN_MAX) + "'\n";

    @Test
    void sendsShortCodeInPlainRawModeUnpaced() {
        FakeBoard board = echoing(new FakeBoard());
        RawRepl repl = new RawRepl(board, FAST.withClassicPause(Duration.ofSeconds(30)));
        String code = "y = '" + "b".repeat(CodeSender.PLAIN_MAX - 10) + "'\n";
        assertThat(repl.exec(code, "test")).isEqualTo("ran " + code.length() + "\n");
        assertThat(written(board)).doesNotContain("\u0005A\u0001").endsWith(code + "\u0004");
        assertThat(repl.rawPasteSupported()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 32})
    void streamsLongCodeUnderTheRawPasteWindow(int window) {
        FakeBoard board = echoing(new FakeBoard().window(window));
        RawRepl repl = new RawRepl(board, FAST);
        assertThat(repl.exec(LONG, "test")).isEqualTo("ran " + LONG.length() + "\n");
        assertThat(seen).containsExactly(LONG);
        assertThat(repl.rawPasteSupported()).contains(true);
        assertThat(repl.exec("y=1", "test")).isEqualTo("ran 3\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"REFUSED_R0", "ABSENT"})
    void fallsBackToClassicModeAndRemembersIt(String how) {
        FakeBoard board = echoing(new FakeBoard().paste(Paste.valueOf(how)));
        RawRepl repl = new RawRepl(board, FAST);
        assertThat(repl.exec(LONG, "test")).isEqualTo("ran " + LONG.length() + "\n");
        assertThat(repl.exec(LONG + "#", "test")).isEqualTo("ran " + (LONG.length() + 1) + "\n");
        assertThat(repl.rawPasteSupported()).contains(false);
        assertThat(written(board).split("\u0005A\u0001", -1)).hasSize(2);
        assertThat(seen).containsExactly(LONG, LONG + "#");
    }

    @Test
    void handlesADeviceThatEndsRawPasteEarly() {
        FakeBoard board = echoing(new FakeBoard().endPasteEarlyAfter(40));
        RawRepl repl = new RawRepl(board, FAST);
        String code = "def f(:\n" + "#".repeat(CodeSender.PLAIN_MAX) + "\n";
        assertThatThrownBy(() -> repl.exec(code, "compiling"))
                .isInstanceOfSatisfying(DeviceExecException.class, e -> {
                    assertThat(e.lastLine()).isEqualTo("SyntaxError: invalid syntax");
                    assertThat(e.getMessage()).doesNotContain("def f");
                });
        assertThat(repl.exec("ok", "after")).isEqualTo("ran 2\n");
    }

    @Test
    void turnsADeviceExceptionIntoATypedOneWithoutEchoingTheCode() {
        FakeBoard board = new FakeBoard().answering(code -> new ExecResult("partial\n",
                "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
                        + "OSError: [Errno 2] ENOENT\r\n"));
        RawRepl repl = new RawRepl(board, FAST);
        assertThatThrownBy(() -> repl.exec("open('settings.py').read()  # WIFI_PASSWORD='hunter22'", "reading"))
                .isInstanceOfSatisfying(DeviceExecException.class, e -> {
                    assertThat(e.errnoName()).contains("ENOENT");
                    assertThat(e.stdout()).isEqualTo("partial\n");
                    assertThat(e.getMessage()).isEqualTo("reading failed on the board: no such file or "
                            + "directory (OSError: [Errno 2] ENOENT)")
                            .doesNotContain("hunter22");
                    assertThat(e.exitCode().code()).isEqualTo(4);
                });
    }

    @Test
    void namesErrnoNumbersTheBoardCannotName() {
        assertThat(Errno.of("OSError: 28")).contains("ENOSPC");
        assertThat(Errno.of("OSError: [Errno 28] No space left on device")).contains("ENOSPC");
        assertThat(Errno.of("OSError: [Errno 2] ENOENT")).contains("ENOENT");
        assertThat(Errno.of("ValueError: EINVAL-like text")).isEmpty();
    }

    @Test
    void timesOutOnAMuteBoard() {
        FakeBoard board = new FakeBoard().mute();
        RawRepl repl = new RawRepl(board, FAST.withInterruptWithin(Duration.ofMillis(300)));
        assertThatThrownBy(repl::enterRaw).isInstanceOf(DeviceTimeoutException.class)
                .hasMessageContaining("could not stop the program");
    }

    @Test
    void timesOutWhenTheAnswerToACommandNeverComes() {
        FakeBoard board = new FakeBoard();
        RawRepl repl = new RawRepl(board, FAST);
        repl.enterRaw();
        board.mute();
        assertThatThrownBy(() -> repl.run("print(1)")).isInstanceOf(DeviceTimeoutException.class)
                .hasMessageContaining("accept the code");
        assertThat(repl.mode()).isEqualTo(RawRepl.Mode.UNKNOWN);
    }

    @Test
    void reportsABoardThatVanishesMidExec() {
        FakeBoard board = echoing(new FakeBoard());
        RawRepl repl = new RawRepl(board, FAST);
        repl.enterRaw();
        board.vanishAfter(board.received().length + 300);
        assertThatThrownBy(() -> repl.exec("x='" + "b".repeat(2000) + "'", "writing"))
                .isInstanceOf(BoardDisconnectedException.class).hasMessageContaining("disconnected");
    }

    @Test
    void softResetsInRawModeAndRestartsMainFromTheFriendlyPrompt() {
        FakeBoard board = echoing(new FakeBoard());
        RawRepl repl = new RawRepl(board, FAST);
        repl.enterRaw();
        repl.softResetRaw();
        assertThat(repl.exec("a=1", "after reset")).isEqualTo("ran 3\n");
        repl.restartMain();
        assertThat(repl.mode()).isEqualTo(RawRepl.Mode.RUNNING);
        assertThat(written(board)).endsWith("\r\u0002\u0004");
        assertThat(new String(repl.readOutput(Duration.ofMillis(200)), StandardCharsets.UTF_8))
                .contains("[picotool] firmware");
    }
}
