package dev.picotool.cli;

import dev.picotool.ExitCode;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.PortInfo;
import dev.picotool.device.ReplTimings;
import dev.picotool.device.SerialLink;
import dev.picotool.device.SerialLinks;
import dev.picotool.render.FirmwareRenderer;
import dev.picotool.testing.Configs;
import dev.picotool.testing.FakeSecrets;
import dev.picotool.config.ConfigFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * picotool in-process against one board port (a virtual Pico's pty), which `--port auto` finds: it counts how often
 * the port was opened, and can deliver Ctrl-C/SIGTERM the moment a given text is printed.
 */
final class BoardCli {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicInteger opens = new AtomicInteger();
    private final String port;
    private final AtomicReference<Consumer<ExitCode>> signalHandler = new AtomicReference<>();
    private String triggerText;
    private ExitCode triggerSignal;

    BoardCli(String port) {
        this.port = port;
    }

    /** The first time {@code text} is printed on stdout, the signal arrives (as from another thread, at once). */
    BoardCli signalWhenPrinted(String text, ExitCode signal) {
        this.triggerText = text;
        this.triggerSignal = signal;
        return this;
    }

    /** Delivers a signal now, as the JVM's signal thread would; false when no board operation listens. */
    boolean signal(ExitCode signal) {
        Consumer<ExitCode> h = signalHandler.get();
        if (h != null) {
            h.accept(signal);
        }
        return h != null;
    }

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        DeviceAccess access = new DeviceAccess() {
            @Override
            public List<PortInfo> ports() {
                return List.of(new PortInfo(port, "Board CDC", 0x2E8A, 0x0005, "E661"),
                        new PortInfo("/dev/ttyS0", "Physical Port S0", -1, -1, "Unknown"));
            }

            @Override
            public SerialLink open(String p) {
                opens.incrementAndGet();
                return SerialLinks.open(p);
            }
        };
        Services services = new Services(Configs.validator(new FakeSecrets().env("PW", "secretpass")),
                new FirmwareRenderer("0.1.0")).withDevices(access);
        Interrupts interrupts = new Interrupts(handler -> {
            signalHandler.set(handler);
            return () -> signalHandler.set(null);
        });
        return PicoTool.execute(new PicoTool(services, interrupts), new PrintWriter(new Trigger(out), true),
                new PrintWriter(err, true), args);
    }

    @Override
    public String toString() {
        return "--- out:\n" + out + "--- err:\n" + err;
    }

    /** Passes text through to stdout and fires the signal when the trigger text has appeared. */
    private final class Trigger extends Writer {
        private final StringWriter to;
        private boolean fired;

        Trigger(StringWriter to) {
            this.to = to;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            to.write(buf, off, len);
            if (!fired && triggerText != null && to.toString().contains(triggerText)) {
                fired = true;
                signal(triggerSignal);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
