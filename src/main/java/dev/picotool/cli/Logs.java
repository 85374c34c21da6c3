package dev.picotool.cli;

import dev.picotool.TerminalText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The libraries' own diagnostics: nowhere by default, one readable line each on stderr with {@code --verbose}.
 * Moquette and Netty log through slf4j, which slf4j-jdk14 hands to java.util.logging, where Paho logs too, so this
 * one switch covers them all. Set up again for every command line (tests run many in one JVM).
 */
final class Logs {
    private static final Logger ROOT = Logger.getLogger("");
    /**
     * The MQTT client and broker say what they do on each packet at FINE; the rest (Netty) stays at INFO. Kept here
     * because java.util.logging holds loggers weakly: a collected logger would forget the level set on it.
     */
    private static final List<Logger> DETAILED = List.of(Logger.getLogger("org.eclipse.paho"),
            Logger.getLogger("io.moquette"));

    private Logs() {
    }

    static synchronized void configure(boolean verbose, PrintWriter err) {
        for (Handler h : ROOT.getHandlers()) {
            ROOT.removeHandler(h); // the JDK's default console handler prints INFO and up to System.err
        }
        ROOT.setLevel(verbose ? Level.INFO : Level.OFF);
        DETAILED.forEach(l -> l.setLevel(verbose ? Level.FINE : null));
        if (verbose) {
            Handler h = new WriterHandler(err);
            h.setLevel(Level.ALL);
            ROOT.addHandler(h);
        }
    }

    /** Writes to the command's stderr writer (a StringWriter in tests), flushing each line. */
    private static final class WriterHandler extends Handler {
        private final PrintWriter out;

        WriterHandler(PrintWriter out) {
            this.out = out;
            setFormatter(new OneLine());
        }

        @Override
        public void publish(LogRecord r) {
            if (isLoggable(r)) {
                synchronized (out) {
                    out.print(getFormatter().format(r));
                    out.flush();
                }
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            // The writer belongs to the command line.
        }
    }

    /** {@code 12:00:01.234 FINE paho.ClientState: message}, control characters escaped, then any stack trace. */
    static final class OneLine extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
                .withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord r) {
            String name = r.getLoggerName() == null ? "" : r.getLoggerName();
            String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            StringBuilder b = new StringBuilder().append(TIME.format(r.getInstant())).append(' ')
                    .append(r.getLevel().getName()).append(' ').append(shortName).append(": ")
                    .append(TerminalText.escape(formatMessage(r))).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                b.append(trace);
            }
            return b.toString();
        }
    }
}
