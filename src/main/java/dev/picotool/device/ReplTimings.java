package dev.picotool.device;

import java.time.Duration;

/**
 * How long each REPL step may take. Every wait in {@link RawRepl} is bounded by one of these (mpremote blocks for
 * ever on some reads). Tests shorten them; the defaults suit a real Pico W.
 *
 * @param interruptWithin how long we keep sending Ctrl-C to stop a running program
 * @param ctrlCEvery      pause between Ctrl-Cs: one may be swallowed by a handler, the next one gets through
 * @param answer          a short reply (prompt, handshake byte, banner)
 * @param exec            running one piece of code (hashing a big file is the slowest we do)
 * @param reboot          a soft reboot until the prompt is back (boot.py may take a while)
 * @param quiet           line silence that means "the board has finished talking"
 * @param classicPause    pause after each 256-byte block of long code on a board without raw-paste (see CodeSender)
 */
public record ReplTimings(Duration interruptWithin, Duration ctrlCEvery, Duration answer, Duration exec,
                          Duration reboot, Duration quiet, Duration classicPause) {
    public static ReplTimings standard() {
        return new ReplTimings(Duration.ofSeconds(10), Duration.ofMillis(250), Duration.ofSeconds(5),
                Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(10));
    }

    public ReplTimings withExec(Duration d) {
        return new ReplTimings(interruptWithin, ctrlCEvery, answer, d, reboot, quiet, classicPause);
    }

    public ReplTimings withInterruptWithin(Duration d) {
        return new ReplTimings(d, ctrlCEvery, answer, exec, reboot, quiet, classicPause);
    }

    public ReplTimings withClassicPause(Duration d) {
        return new ReplTimings(interruptWithin, ctrlCEvery, answer, exec, reboot, quiet, d);
    }

    public ReplTimings withAnswer(Duration d) {
        return new ReplTimings(interruptWithin, ctrlCEvery, d, exec, reboot, quiet, classicPause);
    }
}
