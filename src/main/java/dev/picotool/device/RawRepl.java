package dev.picotool.device;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * MicroPython's raw REPL over a {@link SerialLink}: interrupt whatever runs, enter raw mode, run code (raw-paste
 * with flow control, or classic mode on firmware that lacks it), soft and hard resets. Every read has a deadline.
 * Invariant between calls in raw mode: the board sits at the raw prompt {@code >}, which we have consumed.
 */
public final class RawRepl implements AutoCloseable {
    /** What the board does right now, as far as we know. */
    public enum Mode { UNKNOWN, FRIENDLY, RAW, RUNNING }

    /** Opens the board's port again after a hard reset (it disappears and comes back). */
    @FunctionalInterface
    public interface Reopener {
        SerialLink open();
    }

    /** How often a wait for a running program looks whether the user asked to stop. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final ReplTimings timings;
    private final Reopener reopener;
    private Cancellation cancellation = new Cancellation();
    private SerialLink link;
    private LinkReader reader;
    private Mode mode = Mode.UNKNOWN;
    private final CodeSender sender;
    /** Whether this session has sent the board anything at all. */
    private boolean touched;

    public RawRepl(SerialLink link, ReplTimings timings) {
        this(link, timings, null);
    }

    /** @param reopener opens the same port again after the board reset itself (null: no reconnecting) */
    public RawRepl(SerialLink link, ReplTimings timings, Reopener reopener) {
        this.timings = timings;
        this.reopener = reopener;
        this.sender = new CodeSender(timings);
        attach(link);
    }

    public RawRepl(SerialLink link) {
        this(link, ReplTimings.standard());
    }

    private void attach(SerialLink newLink) {
        this.link = newLink;
        this.reader = new LinkReader(newLink);
    }

    public Mode mode() {
        return mode;
    }

    public SerialLink link() {
        return link;
    }

    /** From now on, {@code c} can stop what this session does (see {@link #run}). */
    public void watch(Cancellation c) {
        this.cancellation = c;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    /** Runs {@code work} (clean-up after an interruption) with no cancellation: it must not be stopped itself. */
    public <T> T shielded(java.util.function.Supplier<T> work) {
        Cancellation given = cancellation;
        cancellation = new Cancellation();
        try {
            return work.get();
        } finally {
            cancellation = given;
        }
    }

    ReplTimings timings() {
        return timings;
    }

    /** Whether this session has sent the board anything yet (before that, the board was left as it was). */
    public boolean touched() {
        return touched;
    }

    /** Whether the board takes raw-paste: empty until an exec long enough to use it found out. */
    public java.util.Optional<Boolean> rawPasteSupported() {
        return sender.rawPasteSupported();
    }

    /**
     * Stops whatever runs and enters the raw REPL. Unlike mpremote's single Ctrl-C, it keeps sending Ctrl-C every
     * {@code ctrlCEvery} until the board answers: a main.py that catches one KeyboardInterrupt, or whose Ctrl-C
     * arrived in the same USB packet as other bytes (the board then clears its input buffer), still stops.
     */
    public void enterRaw() {
        if (mode == Mode.RAW) {
            return;
        }
        Deadline overall = Deadline.in(timings.interruptWithin());
        while (!overall.expired()) {
            cancellation.checkpoint("picotool had not taken the board over yet; nothing was changed on it");
            touched = true;
            link.write(ReplBytes.INTERRUPT);
            int answer = reader.awaitAny(overall.atMost(timings.ctrlCEvery()),
                    ReplBytes.FRIENDLY_PROMPT, ReplBytes.RAW_BANNER_AND_PROMPT);
            if (answer == 1) {
                settleInRaw(overall);
                return;
            }
            // At the friendly prompt, or silent: Ctrl-C prints nothing at an idle raw prompt, so ask for the
            // raw banner. A program that swallowed the Ctrl-C just gets "\r\x01" on its stdin, and another Ctrl-C.
            link.write(ReplBytes.ENTER_RAW);
            if (reader.awaitAny(overall.atMost(timings.ctrlCEvery().multipliedBy(answer == 0 ? 4 : 1)),
                    ReplBytes.RAW_BANNER_AND_PROMPT) == 0) {
                settleInRaw(overall);
                return;
            }
        }
        throw new DeviceTimeoutException("could not stop the program running on the board (" + link.description()
                + ") within " + timings.interruptWithin().toSeconds() + " s",
                "its main.py ignores Ctrl-C (a bare `except:`, micropython.kbd_intr(-1) or deep sleep). Unplug "
                        + "the board, plug it in again and run the command within the first seconds; if that "
                        + "fails, reinstall MicroPython (hold BOOTSEL while plugging in, copy the .uf2 file)");
    }

    /** Our repeated probes can each print a banner: swallow the echoes so the next reply starts clean. */
    private void settleInRaw(Deadline overall) {
        reader.drainUntilQuiet(timings.quiet(), overall.atMost(timings.answer()));
        mode = Mode.RAW;
    }

    /** Runs code and returns what it printed; a device-side exception is in the result's stderr. */
    public ExecResult run(String code) {
        return run(code, timings.exec());
    }

    /**
     * Runs code. When the session's {@link Cancellation} is triggered while the code runs, the board gets Ctrl-C:
     * code stopped by it ends in a {@link DeviceInterruptedException}; code that disabled Ctrl-C (our atomic
     * switch) runs to its end and returns normally, so the caller can tell that it completed.
     */
    public ExecResult run(String code, Duration timeout) {
        requireRaw();
        Deadline deadline = Deadline.in(timeout);
        Interrupter stop = new Interrupter();
        try {
            sender.send(reader, code.getBytes(StandardCharsets.UTF_8), deadline);
            String out = text(stop.readFrame(deadline, "waiting for program output"));
            String err = text(stop.readFrame(deadline, "waiting for error output"));
            reader.readUntil(ReplBytes.RAW_PROMPT, stop.limit(deadline), "waiting for the raw prompt");
            if (stop.sent && err.contains("KeyboardInterrupt")) {
                throw cancellation.stopped("the code running on the board was stopped");
            }
            return new ExecResult(out, err);
        } catch (DeviceException e) {
            mode = Mode.UNKNOWN;
            throw e;
        }
    }

    /** Reads one \x04-framed part of an exec's output, sending Ctrl-C (again) when the user wants to stop. */
    private final class Interrupter {
        boolean sent;
        private Deadline stopBy;
        private Deadline nextCtrlC;

        byte[] readFrame(Deadline deadline, String waitingFor) {
            while (true) {
                byte[] got = reader.tryReadUntil(new byte[] {ReplBytes.EOT}, limit(deadline).atMost(POLL));
                if (got != null) {
                    return got;
                }
                if (limit(deadline).expired()) {
                    if (sent) {
                        mode = Mode.UNKNOWN;
                        throw cancellation.stopped("the code running on the board ignores Ctrl-C and still runs; "
                                + "unplug the board and plug it in again");
                    }
                    throw reader.timeout(waitingFor);
                }
                if (cancellation.requested() && (nextCtrlC == null || nextCtrlC.expired())) {
                    if (stopBy == null) {
                        stopBy = Deadline.in(timings.interruptWithin());
                    }
                    link.write(new byte[] {ReplBytes.CTRL_C});
                    sent = true;
                    nextCtrlC = Deadline.in(timings.ctrlCEvery().multipliedBy(4));
                }
            }
        }

        Deadline limit(Deadline deadline) {
            return stopBy == null || deadline.nanos() - stopBy.nanos() < 0 ? deadline : stopBy;
        }
    }

    /** Runs code; a device-side exception becomes a {@link DeviceExecException} naming {@code purpose}. */
    public String exec(String code, String purpose) {
        return run(code).orThrow(purpose);
    }

    public String exec(String code, String purpose, Duration timeout) {
        return run(code, timeout).orThrow(purpose);
    }

    /**
     * Whether the code of the last exec reached the board whole. When not, the board never ran it (it waits for the
     * rest, or a later Ctrl-C discards it); when it did, the board runs it even if the link went right after.
     */
    boolean lastCodeDelivered() {
        return sender.delivered();
    }

    /**
     * Starts code that talks with us while it runs (see {@link BlockReceiver}): returns once the board runs it. Until
     * {@link #finish} the session is not at the raw prompt; a failure in between leaves it to be taken over again.
     */
    void start(String code, Deadline deadline) {
        requireRaw();
        mode = Mode.RUNNING;
        sender.send(reader, code.getBytes(StandardCharsets.UTF_8), deadline);
    }

    /** The reader of the running code's output, and the way to write to its stdin (between start and finish). */
    LinkReader reader() {
        return reader;
    }

    /**
     * Ends what {@link #start} began: {@code stdoutSoFar} is what the caller already consumed of the program's output
     * (without the end of its frame, unless {@code stdoutEnded}); reads the rest, the error output and the prompt.
     */
    ExecResult finish(byte[] stdoutSoFar, boolean stdoutEnded, Deadline deadline) {
        byte[] rest = stdoutEnded ? new byte[0] : reader.readUntil(new byte[] {ReplBytes.EOT}, deadline,
                "waiting for the end of the program's output");
        byte[] err = reader.readUntil(new byte[] {ReplBytes.EOT}, deadline, "waiting for error output");
        reader.readUntil(ReplBytes.RAW_PROMPT, deadline, "waiting for the raw prompt");
        mode = Mode.RAW;
        byte[] out = Arrays.copyOf(stdoutSoFar, stdoutSoFar.length + rest.length);
        System.arraycopy(rest, 0, out, stdoutSoFar.length, rest.length);
        return new ExecResult(text(out), text(err));
    }

    /** Soft reset inside the raw REPL: clears RAM, runs boot.py, but not main.py. */
    public void softResetRaw() {
        requireRaw();
        Deadline deadline = Deadline.in(timings.reboot());
        link.write(ReplBytes.SOFT_RESET);
        reader.readUntil(ReplBytes.SOFT_REBOOT, deadline, "waiting for the soft reboot");
        reader.readUntil(ReplBytes.RAW_BANNER_AND_PROMPT, deadline, "waiting for the raw REPL after the reboot");
    }

    /** Leaves raw mode for the friendly {@code >>>} prompt (the board stays idle). */
    public void exitRaw() {
        link.write(ReplBytes.EXIT_RAW);
        reader.readUntil(ReplBytes.FRIENDLY_PROMPT, Deadline.in(timings.answer()), "leaving the raw REPL");
        mode = Mode.FRIENDLY;
    }

    /**
     * Soft reset from the friendly prompt, which (unlike a reset in raw mode) runs main.py. Returns once the
     * board announced the reboot; its boot output follows on {@link #readOutput}.
     */
    public void restartMain() {
        if (mode != Mode.FRIENDLY) {
            if (mode != Mode.RAW) {
                enterRaw();
            }
            exitRaw();
        }
        link.write(ReplBytes.SOFT_RESET);
        reader.readUntil(ReplBytes.SOFT_REBOOT, Deadline.in(timings.reboot()), "waiting for the soft reboot");
        mode = Mode.RUNNING;
    }

    /**
     * Hard reset with machine.reset(): USB drops and the port comes back. Waits for the link to drop (up to
     * {@code within}), then reopens it within {@code within}. main.py runs on the new link.
     */
    public void hardReset(Reopener reopen, Duration within) {
        requireRaw();
        Deadline deadline = Deadline.in(within);
        // The short sleep lets the board acknowledge the code before USB goes down (as mpremote does); we do not
        // wait for its output, which never comes.
        sender.send(reader, "import machine,time\ntime.sleep_ms(50)\nmachine.reset()\n"
                .getBytes(StandardCharsets.UTF_8), deadline);
        mode = Mode.RUNNING;
        if (!reader.awaitDisconnect(deadline.atMost(timings.reboot()))) {
            return; // a peer that resets without dropping the link: keep it, and its boot output
        }
        reopen(reopen, deadline, within);
    }

    /** Whether {@link #reconnect} can work: the session knows how to open its port again. */
    boolean canReconnect() {
        return reopener != null;
    }

    /** The board reset itself (its USB port dropped): open the port again, within {@code within}. */
    void reconnect(Duration within) {
        mode = Mode.UNKNOWN;
        reopen(reopener, Deadline.in(within), within);
    }

    private void reopen(Reopener reopen, Deadline deadline, Duration within) {
        link.close();
        DeviceException last = null;
        while (last == null || !deadline.expired()) {
            try {
                attach(reopen.open());
                return;
            } catch (DeviceException e) {
                last = e;
                pause(Duration.ofMillis(100)); // the OS needs a moment to re-create the port after re-enumeration
            }
        }
        throw new DeviceException("the board did not come back within " + within.toSeconds() + " s after the reset ("
                + last.getMessage() + ")", "unplug it and plug it in again", last);
    }

    /** What the board printed since the last call, waiting up to {@code timeout} (for boot logs and monitors). */
    public byte[] readOutput(Duration timeout) {
        return reader.readAvailable(timeout);
    }

    private void requireRaw() {
        if (mode != Mode.RAW) {
            enterRaw();
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted", "");
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
