package dev.picotool.device;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Watches the firmware's status lines after a restart (the prefixes are listed in firmware/README.md) until it reports
 * that MQTT is connected, reports a failure, stops, the time is up, or the user asks to stop (the session's
 * {@link Cancellation}). An MQTT connection proves Wi-Fi too; after a
 * soft reset the wireless chip stays associated, so the firmware may not print a fresh {@code [wifi] connected}.
 */
public final class BootMonitor {
    static final String MQTT_CONNECTED = "[mqtt] connected";
    static final String FAILED = "FAILED:";
    private static final byte[] FRIENDLY_PROMPT = ReplBytes.FRIENDLY_PROMPT;

    private BootMonitor() {
    }

    /** Reads lines from the running board for up to {@code within}; each complete line also goes to {@code onLine}. */
    public static BootReport watch(RawRepl repl, Duration within, Consumer<String> onLine) {
        List<String> lines = new ArrayList<>();
        boolean stopped = readLines(repl, within, () -> false, line -> {
            lines.add(line);
            onLine.accept(line);
            return line.contains(FAILED) || line.startsWith(MQTT_CONNECTED);
        });
        if (stopped) {
            return new BootReport(BootReport.Status.STOPPED, lines, lastError(lines));
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).contains(FAILED)) {
            return new BootReport(BootReport.Status.FAILED, lines, Optional.of(lines.get(lines.size() - 1)));
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).startsWith(MQTT_CONNECTED)) {
            return new BootReport(BootReport.Status.CONNECTED, lines, Optional.empty());
        }
        return new BootReport(BootReport.Status.NO_VERDICT, lines, Optional.empty());
    }

    /** Passes every line the running firmware prints during {@code duration} to {@code onLine} (e.g. its first readings). */
    public static void follow(RawRepl repl, Duration duration, Consumer<String> onLine) {
        follow(repl, duration, () -> false, onLine);
    }

    /** Like {@link #follow(RawRepl, Duration, Consumer)}, ending early once {@code enough} says so. */
    public static void follow(RawRepl repl, Duration atMost, BooleanSupplier enough, Consumer<String> onLine) {
        readLines(repl, atMost, enough, line -> {
            onLine.accept(line);
            return false;
        });
    }

    /**
     * Splits the board's output into lines until {@code done} says so or the time is up.
     * @return true when the board stopped at the friendly prompt (main.py ended)
     */
    private static boolean readLines(RawRepl repl, Duration within, BooleanSupplier enough,
                                     java.util.function.Predicate<String> done) {
        Deadline deadline = Deadline.in(within);
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        while (!deadline.expired() && !repl.cancellation().requested() && !enough.getAsBoolean()) {
            byte[] got = repl.readOutput(deadline.remaining().compareTo(Duration.ofMillis(200)) < 0
                    ? deadline.remaining() : Duration.ofMillis(200));
            for (byte b : got) {
                if (b != '\n') {
                    partial.write(b);
                    continue;
                }
                String line = partial.toString(StandardCharsets.UTF_8).replace("\r", "");
                partial.reset();
                if (done.test(line)) {
                    return false;
                }
            }
            if (endsWith(partial.toByteArray(), FRIENDLY_PROMPT)) {
                return true;
            }
        }
        return false;
    }

    /** The traceback's last line when main.py died, e.g. "ImportError: no module named 'picomqtt'". */
    private static Optional<String> lastError(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).strip();
            if (l.matches("^[A-Za-z_.]*(Error|Exception|Interrupt)\\b.*")) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private static boolean endsWith(byte[] data, byte[] suffix) {
        return data.length >= suffix.length
                && LinkReader.indexOf(data, suffix, data.length - suffix.length, data.length) >= 0;
    }
}
