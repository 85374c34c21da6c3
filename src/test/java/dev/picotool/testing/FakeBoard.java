package dev.picotool.testing;

import dev.picotool.device.BoardDisconnectedException;
import dev.picotool.device.ExecResult;
import dev.picotool.device.SerialLink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An in-memory MicroPython REPL behind a {@link SerialLink}, answering byte for byte like shared/runtime/pyexec.c
 * (friendly, raw, raw-paste) so protocol code can be tested without a pty. Replies are queued synchronously on each
 * write. Knobs model the cases that matter: window size, no raw-paste, {@code R\x00}, early end, a running program
 * that swallows Ctrl-C, a mute or vanishing board.
 */
public final class FakeBoard implements SerialLink {
    public enum Paste { SUPPORTED, REFUSED_R0, ABSENT }

    private enum State { FRIENDLY, RAW, PASTE, PASTE_DISCARD, RUNNING }

    private static final String BANNER = "MicroPython v1.27.0 on 2025-12-10; Raspberry Pi Pico W with RP2040\r\n"
            + "Type \"help()\" for more information.\r\n>>> ";
    private static final String RAW_BANNER = "raw REPL; CTRL-B to exit\r\n>";

    private final LinkedBlockingQueue<byte[]> toHost = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream fromHost = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private State state = State.FRIENDLY;
    private Paste paste = Paste.SUPPORTED;
    private int window = 128;
    private int consumed;
    private int endEarlyAfter = -1;
    private int swallowCtrlC;
    private boolean mute;
    private long vanishAfter = -1;
    private boolean gone;
    private int execs;
    private Function<String, ExecResult> program = code -> new ExecResult("", "");

    public FakeBoard window(int w) {
        this.window = w;
        return this;
    }

    public FakeBoard paste(Paste p) {
        this.paste = p;
        return this;
    }

    /** In raw-paste, stop reading after n bytes as if a SyntaxError was found. */
    public FakeBoard endPasteEarlyAfter(int n) {
        this.endEarlyAfter = n;
        return this;
    }

    /** Start with main.py running; it catches the first {@code n} Ctrl-Cs. */
    public FakeBoard runningMain(int swallowedCtrlCs) {
        this.state = State.RUNNING;
        this.swallowCtrlC = swallowedCtrlCs;
        return this;
    }

    public FakeBoard answering(Function<String, ExecResult> code) {
        this.program = code;
        return this;
    }

    public FakeBoard mute() {
        this.mute = true;
        return this;
    }

    /** The board disappears once it has received this many bytes in total. */
    public FakeBoard vanishAfter(long bytes) {
        this.vanishAfter = bytes;
        return this;
    }

    /** Bytes that sit in the board's output before we talk (stale output, boot noise). */
    public FakeBoard pending(String text) {
        emit(text);
        return this;
    }

    public byte[] received() {
        return fromHost.toByteArray();
    }

    public int execs() {
        return execs;
    }

    public String state() {
        return state.name();
    }

    @Override
    public synchronized void write(byte[] data) {
        if (gone) {
            throw new BoardDisconnectedException(description());
        }
        for (byte b : data) {
            fromHost.write(b);
            if (vanishAfter >= 0 && fromHost.size() >= vanishAfter) {
                gone = true;
                return;
            }
            if (!mute) {
                accept(b & 0xff);
            }
        }
    }

    @Override
    public byte[] read(Duration timeout) {
        try {
            byte[] b = timeout.isZero() ? toHost.poll() : toHost.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (b == null && gone) {
                throw new BoardDisconnectedException(description());
            }
            return b == null ? new byte[0] : b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new byte[0];
        }
    }

    @Override
    public String description() {
        return "fake board";
    }

    @Override
    public void close() {
    }

    private void accept(int b) {
        switch (state) {
            case RUNNING -> running(b);
            case FRIENDLY -> friendly(b);
            case RAW -> raw(b);
            case PASTE -> pasteByte(b);
            case PASTE_DISCARD -> {
                if (b == 4 || b == 3) {
                    state = State.RAW;
                    finish(new ExecResult("", "Traceback (most recent call last):\r\n  File \"<stdin>\", line 3\r\n"
                            + "SyntaxError: invalid syntax\r\n"));
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private void running(int b) {
        if (b != 3) {
            return;
        }
        if (swallowCtrlC > 0) {
            swallowCtrlC--;
            emit("caught\r\n");
            return;
        }
        emit("Traceback (most recent call last):\r\n  File \"main.py\", line 4, in <module>\r\nKeyboardInterrupt: \r\n"
                + BANNER);
        state = State.FRIENDLY;
    }

    private void friendly(int b) {
        boolean empty = line.size() == 0;
        if (b == 3) {
            line.reset();
            emit("\r\n>>> ");
        } else if (b == '\r') {
            line.reset();
            emit("\r\n>>> ");
        } else if (b == 1 && empty) {
            emit("\r\n" + RAW_BANNER);
            state = State.RAW;
        } else if (b == 2 && empty) {
            emit("\r\n" + BANNER);
        } else if (b == 4 && empty) {
            emit("\r\nMPY: soft reboot\r\n[picotool] firmware 0.1.0 starting\r\n");
            state = State.RUNNING;
        } else {
            line.write(b);
            emit(new String(new byte[] {(byte) b}, StandardCharsets.ISO_8859_1));
        }
    }

    private void raw(int b) {
        String l = line.toString(StandardCharsets.ISO_8859_1);
        if (b == 1) {
            line.reset();
            if (l.equals("\u0005A") && paste == Paste.SUPPORTED) {
                emit("R\u0001" + (char) (window & 0xff) + (char) (window >> 8) + "\u0001");
                consumed = 0;
                state = State.PASTE;
            } else if (l.startsWith("\u0005") && paste == Paste.REFUSED_R0) {
                emit("R\u0000>");
            } else {
                emit(RAW_BANNER);
            }
        } else if (b == 2) {
            line.reset();
            emit("\r\n" + BANNER);
            state = State.FRIENDLY;
        } else if (b == 3) {
            line.reset();
        } else if (b == 4) {
            line.reset();
            if (l.isEmpty()) {
                emit("OK\r\nMPY: soft reboot\r\n" + RAW_BANNER);
            } else {
                emit("OK");
                finish(run(l));
            }
        } else {
            line.write(b);
        }
    }

    private void pasteByte(int b) {
        if (b == 4 || b == 3) {
            emit("\u0004");
            state = State.RAW;
            String code = line.toString(StandardCharsets.UTF_8);
            line.reset();
            finish(run(code));
            return;
        }
        line.write(b);
        consumed++;
        if (consumed == endEarlyAfter) {
            emit("\u0004");
            line.reset();
            state = State.PASTE_DISCARD;
            return;
        }
        if (consumed % window == 0) {
            emit("\u0001");
        }
    }

    private ExecResult run(String code) {
        execs++;
        return program.apply(code);
    }

    private void finish(ExecResult r) {
        emit(r.stdout().replace("\n", "\r\n") + "\u0004" + r.stderr() + "\u0004>");
    }

    private void emit(String s) {
        toHost.add(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
